"""Registration (学籍注册): the school reports its validated pupils to the county and sees the
county's decision; the county officer's inbox of submissions awaiting them, each decided by
approving or returning it with a reason.

A refused decision shows the submission again with the registry's message next to the reason
and what was typed kept.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_common.auth.principal import Role
from xueji_console import error_codes, flash
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InRegistration = Annotated[Visitor, Depends(in_section("registration"))]
LIST_LIMIT = 100


def _deciding(visitor: Visitor) -> bool:
    return visitor.principal.role is Role.COUNTY_OFFICER


async def _list_page(
    request: Request, visitor: Visitor, problem: ServiceProblem | None = None
) -> Response:
    console = console_of(request)
    submissions = await console.registry.all_submissions(visitor.token, limit=LIST_LIMIT)
    deciding = _deciding(visitor)
    context = {
        "deciding": deciding,
        "pending": [s for s in submissions if s["state"] == "pending"],
        "submissions": submissions,
        "problem": problem,
    }
    return await console.renderer.page(
        request, "registration/index.html", context, visitor=visitor, section="registration",
        problem=problem,
    )  # fmt: skip


@router.get("/registration")
async def registration(request: Request, visitor: InRegistration) -> Response:
    return await _list_page(request, visitor)


@router.post("/registration/submissions")
async def submit(request: Request, visitor: InRegistration) -> Response:
    try:
        submitted = await console_of(request).registry.submit_registration(visitor.token)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await _list_page(request, visitor, problem)
    response = RedirectResponse(f"/registration/{submitted['id']}", status_code=303)
    flash.flash(response, "registration_submitted")
    return response


async def _submission_page(
    request: Request,
    visitor: Visitor,
    submission_id: uuid.UUID,
    *,
    problem: ServiceProblem | None = None,
    reason: str = "",
) -> Response:
    console = console_of(request)
    submission = await console.registry.submission(visitor.token, str(submission_id))
    context = {
        "submission": submission,
        "deciding": _deciding(visitor) and submission["state"] == "pending",
        "problem": problem,
        "reason": reason,
    }
    return await console.renderer.page(
        request, "registration/submission.html", context, visitor=visitor,
        section="registration", problem=problem,
    )  # fmt: skip


@router.get("/registration/{submission_id}")
async def submission_page(
    request: Request, visitor: InRegistration, submission_id: uuid.UUID
) -> Response:
    return await _submission_page(request, visitor, submission_id)


@router.post("/registration/{submission_id}/decision")
async def decide(
    request: Request,
    visitor: InRegistration,
    submission_id: uuid.UUID,
    decision: Annotated[str, Form(pattern="^(approve|return)$")],
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    body = {"decision": decision, "reason": reason.strip() or None}
    try:
        if decision == "return" and not body["reason"]:
            # The registry refuses it too, but names only the body; the person needs the box.
            missing = error_codes.SUBMISSION_RETURN_REASON_MISSING
            raise ServiceProblem(missing.status, missing.code, missing.message, field="reason")
        await console_of(request).registry.decide_submission(
            visitor.token, str(submission_id), body
        )
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        if problem.message_for("reason") is None:
            # Not about the reason box: shown above the form, where nothing else names it.
            problem = dataclasses.replace(problem, field=None, fields=[])
        return await _submission_page(
            request, visitor, submission_id, problem=problem, reason=reason
        )
    response = RedirectResponse(f"/registration/{submission_id}", status_code=303)
    flash.flash(
        response, "registration_approved" if decision == "approve" else "registration_returned"
    )
    return response
