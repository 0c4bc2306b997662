"""Filing a transfer as the receiving school's registrar (SPEC §5 step 2).

The form sends what was typed; the transfer service checks it (with the registry: the
pupil's number and name, the sending province, the province's rules) and its refusals are
shown next to the fields, with the form as it was.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash, labels
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.pages.transfer_cases import case_path
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InFiling = Annotated[Visitor, Depends(in_section("transfer-filing"))]
FIELDS = (
    "national_number",
    "pupil_name",
    "sending_province",
    "target_grade",
    "target_class",
    "reason",
)


async def _form(
    request: Request,
    visitor: Visitor,
    form: dict[str, str],
    problem: ServiceProblem | None = None,
) -> Response:
    context = {
        "form": form,
        "problem": problem,
        "grades": labels.GRADE_NAMES,
    }
    return await console_of(request).renderer.page(
        request,
        "transfers/new.html",
        context,
        visitor=visitor,
        section="transfer-filing",
        problem=problem,
    )


@router.get("/transfers/new")
async def filing_form(request: Request, visitor: InFiling) -> Response:
    return await _form(request, visitor, dict.fromkeys(FIELDS, ""))


@router.post("/transfers/new")
async def file_transfer(
    request: Request,
    visitor: InFiling,
    national_number: Annotated[str, Form(max_length=40)] = "",
    pupil_name: Annotated[str, Form(max_length=100)] = "",
    sending_province: Annotated[str, Form(max_length=2)] = "",
    target_grade: Annotated[str, Form(max_length=2)] = "",
    target_class: Annotated[str, Form(max_length=40)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    form = {
        "national_number": national_number,
        "pupil_name": pupil_name,
        "sending_province": sending_province,
        "target_grade": target_grade,
        "target_class": target_class,
        "reason": reason,
    }
    # As typed (trimmed): the API's validation names each wrong field in its own words.
    application: dict[str, object] = {
        name: value.strip() for name, value in form.items() if name != "target_class"
    }
    application["target_class"] = target_class.strip() or None
    try:
        filed = await console_of(request).transfer.file(visitor.token, application)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _form(request, visitor, form, problem)
    response = RedirectResponse(case_path(filed["id"]), status_code=303)
    flash.flash(response, "transfer_filed")
    return response
