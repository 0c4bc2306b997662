"""Pupils: search with filters, and one pupil's record with its field history.

The registry scopes every answer to the person's unit; the console passes the filters on.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from xueji_common.auth.principal import UnitKind
from xueji_console import labels
from xueji_console.access import in_section
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()

PAGE_SIZE = 50
InPupils = Annotated[Visitor, Depends(in_section("pupils"))]
Text = Annotated[str, Query(max_length=60)]


@router.get("/pupils")
async def pupil_list(
    request: Request,
    visitor: InPupils,
    name: Text = "",
    number: Annotated[str, Query(max_length=40)] = "",
    class_id: Annotated[str, Query(max_length=36)] = "",
    # Text, not a number: the form's "all grades" choice sends an empty value.
    grade: Annotated[str, Query(pattern=r"^(|\d{1,2})$")] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    problem: Annotated[str, Query(pattern="^(|true|false)$")] = "",
    registration_state: Annotated[str, Query(max_length=20)] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    console = console_of(request)
    filters = {
        "name": name.strip(),
        "number": number.strip(),
        "class_id": class_id,
        "grade": grade,
        "status": status,
        "problem": problem,
        "registration_state": registration_state,
    }
    principal = visitor.principal
    school = principal.unit_code if principal.unit_kind is UnitKind.SCHOOL else None
    page, classes = await asyncio.gather(
        console.registry.search_pupils(
            visitor.token, {**filters, "limit": PAGE_SIZE, "offset": offset}
        ),
        console.registry.school_classes(visitor.token, school) if school else _no_classes(),
    )
    context = {
        "filters": filters,
        "page": page,
        "classes": {item["id"]: f"{item['name']}（{item['code']}）" for item in classes},
        # The grade filter sends text; the table's codes are text too.
        "grades": labels.GRADE_NAMES,
        "previous_offset": max(offset - PAGE_SIZE, 0) if offset else None,
        "next_offset": offset + PAGE_SIZE if offset + PAGE_SIZE < page["total"] else None,
        "query": {k: v for k, v in filters.items() if v not in (None, "")},
    }
    return await console.renderer.page(
        request, "pupils/list.html", context, visitor=visitor, section="pupils"
    )


async def _no_classes() -> list[dict[str, object]]:
    """Bureaus search across schools; the class filter is a school's own."""
    return []


@router.get("/pupils/{pupil_id}")
async def pupil_detail(request: Request, visitor: InPupils, pupil_id: uuid.UUID) -> Response:
    console = console_of(request)
    pupil, history = await asyncio.gather(
        console.registry.pupil(visitor.token, str(pupil_id)),
        console.registry.pupil_history(visitor.token, str(pupil_id)),
    )
    return await console.renderer.page(
        request,
        "pupils/detail.html",
        {"pupil": pupil, "history": history},
        visitor=visitor,
        section="pupils",
    )
