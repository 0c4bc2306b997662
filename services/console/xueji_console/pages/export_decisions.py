"""The approver's inbox and what is done on an export application's page: approve or refuse
(a reason to refuse), the DBA's run of a backend export, the handler's download.

The download POSTs for a fresh presigned link and answers a page that navigates to it by a
meta refresh: the CSP's `form-action 'self'` stops a redirect of the form's POST to the
object store, and a refresh is a plain top-level navigation. The link lasts minutes.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.pages.exports import OnApplication, application_view
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InInbox = Annotated[Visitor, Depends(in_section("export-inbox"))]
DecisionId = Annotated[str, Form(max_length=64)]
INBOX = "/exports/inbox"


@router.get(INBOX)
async def inbox(request: Request, visitor: InInbox) -> Response:
    console = console_of(request)
    page = await console.export.inbox(visitor.token)
    return await console.renderer.page(
        request, "exports/inbox.html", {"inbox": page}, visitor=visitor,
        section="export-inbox",
    )  # fmt: skip


async def _acted(
    request: Request, visitor: Visitor, application_id: str, action: str,
    body: dict[str, object], form: dict[str, str], done: str,
) -> Response:  # fmt: skip
    try:
        await console_of(request).export.act(visitor.token, application_id, action, body)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await application_view(request, visitor, application_id, problem=problem, form=form)
    response = RedirectResponse(f"/exports/{application_id}", status_code=303)
    flash.flash(response, done)
    return response


@router.post("/exports/{application_id}/decision")
async def decide(
    request: Request,
    visitor: OnApplication,
    application_id: uuid.UUID,
    decision: Annotated[str, Form(pattern="^(approve|refuse)$")],
    decision_id: DecisionId,
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    body = {"decision": decision, "reason": reason.strip() or None, "decision_id": decision_id}
    form = {"reason": reason, "decision_id": decision_id}
    done = "export_approved" if decision == "approve" else "export_refused"
    return await _acted(request, visitor, str(application_id), "decision", body, form, done)


@router.post("/exports/{application_id}/execution")
async def execute(
    request: Request, visitor: OnApplication, application_id: uuid.UUID, decision_id: DecisionId
) -> Response:
    body = {"decision_id": decision_id}
    form = {"decision_id": decision_id}
    return await _acted(
        request, visitor, str(application_id), "execution", body, form, "export_executed"
    )


@router.post("/exports/{application_id}/download")
async def download(request: Request, visitor: OnApplication, application_id: uuid.UUID) -> Response:
    """A fresh link for each click (each is audited); refused, the page says why."""
    subject = str(application_id)
    try:
        link = await console_of(request).export.download_link(visitor.token, subject)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await application_view(request, visitor, subject, problem=problem)
    return await console_of(request).renderer.page(
        request, "exports/download.html", {"link": link, "application_id": subject},
        visitor=visitor, section="exports",
    )  # fmt: skip
