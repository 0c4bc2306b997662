"""Entering a new pupil as the school's registrar (新生录入).

The form sends what was typed; the registry checks it (ID number, dates, grade, the
duplicate checks) and its refusals are shown next to the fields, with the form as it was.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash, labels
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InEntry = Annotated[Visitor, Depends(in_section("pupil-entry"))]
FIELDS = ("name", "gender", "birth_date", "id_number", "grade", "enrolment_year", "address")
Typed = Annotated[str, Form(max_length=200)]


def entry_of(form: dict[str, str]) -> dict[str, object]:
    """The registry's body from what was typed: blanks left out so its own defaults apply,
    numbers passed as typed text so the registry names a wrong one itself."""
    return {name: value.strip() for name, value in form.items() if value.strip()}


async def _form(
    request: Request, visitor: Visitor, form: dict[str, str], problem: ServiceProblem | None = None
) -> Response:
    context = {
        "form": form,
        "problem": problem,
        "grades": labels.GRADE_NAMES,
    }
    return await console_of(request).renderer.page(
        request,
        "pupils/new.html",
        context,
        visitor=visitor,
        section="pupil-entry",
        problem=problem,
    )


@router.get("/pupils/new")
async def entry_form(request: Request, visitor: InEntry) -> Response:
    return await _form(request, visitor, dict.fromkeys(FIELDS, ""))


@router.post("/pupils/new")
async def enter_pupil(
    request: Request,
    visitor: InEntry,
    name: Typed = "",
    gender: Typed = "",
    birth_date: Typed = "",
    id_number: Typed = "",
    grade: Typed = "",
    enrolment_year: Typed = "",
    address: Typed = "",
) -> Response:
    form = {
        "name": name,
        "gender": gender,
        "birth_date": birth_date,
        "id_number": id_number,
        "grade": grade,
        "enrolment_year": enrolment_year,
        "address": address,
    }
    try:
        created = await console_of(request).registry.create_pupil(visitor.token, entry_of(form))
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _form(request, visitor, form, problem)
    response = RedirectResponse(f"/pupils/{created['id']}", status_code=303)
    flash.flash(response, "pupil_entered")
    return response
