"""The county bureau's photo pages: each school's registration code (issued and shown once,
or revoked), the collection windows it sets per cohort for its unit, and reopening a pupil's
accepted photo with a required reason."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InCounty = Annotated[Visitor, Depends(in_section("county-photos"))]
SchoolCode = Annotated[str, Path(pattern=r"^[A-Za-z0-9]{1,20}$")]
HOME = "/photos/county"


async def _page(
    request: Request, visitor: Visitor, *, issued: dict[str, Any] | None = None,
    problem: ServiceProblem | None = None, form: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    console = console_of(request)
    schools, windows = await asyncio.gather(
        console.registry.schools(visitor.token), console.photo.windows(visitor.token)
    )
    codes = await asyncio.gather(
        *(console.photo.code_status(visitor.token, school["code"]) for school in schools)
    )
    context = {
        "schools": list(zip(schools, codes, strict=True)),
        "windows": windows,
        "issued": issued,
        "problem": problem,
        "form": form or {"cohort": "", "opens_on": "", "closes_on": "", "national_number": ""},
        "today": date.today().isoformat(),
    }
    return await console.renderer.page(
        request, "county_photos/index.html", context, visitor=visitor, section="county-photos",
        problem=problem,
    )  # fmt: skip


def _done(code: str) -> Response:
    response = RedirectResponse(HOME, status_code=303)
    flash.flash(response, code)
    return response


async def _answered(
    request: Request, visitor: Visitor, form: dict[str, str], call: Awaitable[object], done: str
) -> Response:
    """Back to the page with the message `done`, or the page again with the refusal."""
    try:
        await call
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _page(request, visitor, problem=problem, form=form)
    return _done(done)


@router.get(HOME)
async def county_page(request: Request, visitor: InCounty) -> Response:
    return await _page(request, visitor)


@router.post(HOME + "/schools/{school_code}/registration-code")
async def issue_code(request: Request, visitor: InCounty, school_code: SchoolCode) -> Response:
    """Rendered, not redirected: the code is shown this once and travels in no URL or cookie."""
    issued = await console_of(request).photo.issue_code(visitor.token, school_code)
    return await _page(request, visitor, issued=issued)


@router.post(HOME + "/schools/{school_code}/registration-code/revoke")
async def revoke_code(request: Request, visitor: InCounty, school_code: SchoolCode) -> Response:
    await console_of(request).photo.revoke_code(visitor.token, school_code)
    return _done("photo_code_revoked")


@router.post(HOME + "/windows")
async def set_window(
    request: Request, visitor: InCounty,
    cohort: Annotated[str, Form(max_length=40)] = "",
    opens_on: Annotated[str, Form(max_length=10)] = "",
    closes_on: Annotated[str, Form(max_length=10)] = "",
) -> Response:  # fmt: skip
    form = {"cohort": cohort, "opens_on": opens_on, "closes_on": closes_on, "national_number": ""}
    call = console_of(request).photo.set_window(visitor.token, cohort, opens_on, closes_on)
    return await _answered(request, visitor, form, call, "photo_window_set")


@router.post(HOME + "/reopen")
async def reopen(
    request: Request, visitor: InCounty,
    national_number: Annotated[str, Form(max_length=40)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:  # fmt: skip
    number = national_number.strip()
    form = {"cohort": "", "opens_on": "", "closes_on": "", "national_number": number}
    call = console_of(request).photo.reopen(visitor.token, number, reason.strip())
    return await _answered(request, visitor, form, call, "photo_reopened")
