"""A school's classes (班级): the list, a new class, and putting pupils into a class (分班).

The registry checks each request (grade and class number, the pupils being this school's);
its refusals are shown next to the fields, with what was typed.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash, labels
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InClasses = Annotated[Visitor, Depends(in_section("classes"))]
CLASS_FIELDS = ("grade", "number", "name")


async def _list(
    request: Request, visitor: Visitor, form: dict[str, str], problem: ServiceProblem | None = None
) -> Response:
    console = console_of(request)
    classes = await console.registry.school_classes(visitor.token, visitor.principal.unit_code)
    context = {"classes": classes, "form": form, "problem": problem, "grades": labels.GRADE_NAMES}
    return await console.renderer.page(
        request, "classes/list.html", context, visitor=visitor, section="classes",
        problem=problem,
    )  # fmt: skip


@router.get("/classes")
async def class_list(request: Request, visitor: InClasses) -> Response:
    return await _list(request, visitor, dict.fromkeys(CLASS_FIELDS, ""))


@router.post("/classes")
async def create_class(
    request: Request,
    visitor: InClasses,
    grade: Annotated[str, Form(max_length=2)] = "",
    number: Annotated[str, Form(max_length=2)] = "",
    name: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    form = {"grade": grade, "number": number, "name": name}
    body = {key: value.strip() for key, value in form.items() if value.strip()}
    try:
        created = await console_of(request).registry.create_class(visitor.token, body)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _list(request, visitor, form, problem)
    response = RedirectResponse(f"/classes/{created['id']}", status_code=303)
    flash.flash(response, "class_created")
    return response


async def _class_page(
    request: Request, visitor: Visitor, class_id: str, problem: ServiceProblem | None = None
) -> Response:
    console = console_of(request)
    school_class = await console.registry.school_class(visitor.token, class_id)
    members, grade_pupils = await asyncio.gather(
        console.registry.search_pupils(visitor.token, {"class_id": class_id, "limit": 500}),
        console.registry.search_pupils(
            visitor.token, {"grade": school_class["grade"], "limit": 500}
        ),
    )
    # Pupils of the class's grade not yet in it may be put in.
    candidates = [p for p in grade_pupils["items"] if p["class_id"] != school_class["id"]]
    context = {
        "school_class": school_class,
        "members": members["items"],
        "candidates": candidates,
        "problem": problem,
    }
    return await console.renderer.page(
        request, "classes/detail.html", context, visitor=visitor, section="classes",
        problem=problem,
    )  # fmt: skip


@router.get("/classes/{class_id}")
async def class_detail(request: Request, visitor: InClasses, class_id: uuid.UUID) -> Response:
    return await _class_page(request, visitor, str(class_id))


@router.post("/classes/{class_id}/pupils")
async def assign_pupils(
    request: Request,
    visitor: InClasses,
    class_id: uuid.UUID,
    pupil_ids: Annotated[list[str], Form(max_length=500)] = [],  # noqa: B006 (FastAPI copies it)
) -> Response:
    try:
        await console_of(request).registry.assign(visitor.token, str(class_id), pupil_ids)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _class_page(request, visitor, str(class_id), problem)
    response = RedirectResponse(f"/classes/{class_id}", status_code=303)
    flash.flash(response, "pupils_assigned")
    return response
