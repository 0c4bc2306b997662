"""One transfer case: its timeline (every step, who decided, when, the deadline) and the
forms of what the signed-in party may do now: approve or refuse with a reason, report the
pupil's arrival, the paper file sent or received, withdraw.

A refused action shows the case again with the workflow's refusal next to the field it is
about and what was typed kept; a done one goes back to the case with a message.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Request
from starlette.responses import RedirectResponse, Response

from xueji_console import flash
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.parts import console_of
from xueji_console.session import Visitor
from xueji_console.transfer_offers import REPORTS, offers_for, placed

router = APIRouter()
InTransfers = Annotated[Visitor, Depends(in_section("transfers"))]
# The transfer service's ids, `TR-<pupil number>-<8 hex>`; anything else is no case.
TransferId = Annotated[str, Path(pattern=r"^TR-[0-9A-Za-z]{1,40}-[0-9a-f]{8}$")]
Reason = Annotated[str, Form(max_length=500)]
DecisionId = Annotated[str, Form(max_length=100)]
EMPTY_FORM = {"reason": "", "method": "", "tracking": ""}


def case_path(transfer_id: str) -> str:
    return f"/transfers/{transfer_id}"


async def _unit_names(request: Request, visitor: Visitor, case: Mapping[str, Any]) -> dict:
    """Names of the units the timeline names; the schools' come with the case."""
    known = {
        school["code"]: school["name"]
        for school in (case["receiving_school"], case["sending_school"])
    }
    codes = {step["party_unit"] for step in case["steps"]}
    codes |= {code for step in case["steps"] for code in step["escalated_to"]}
    codes |= {step["decided_by"]["unit_code"] for step in case["steps"] if step["decided_by"]}
    wanted = sorted(codes - known.keys())
    names = console_of(request).unit_names
    found = await asyncio.gather(*(names.name(visitor.token, code) for code in wanted))
    return {**known, **dict(zip(wanted, found, strict=True))}


async def case_page(
    request: Request,
    visitor: Visitor,
    transfer_id: str,
    *,
    problem: ServiceProblem | None = None,
    form: dict[str, str] | None = None,
) -> Response:
    console = console_of(request)
    case = await console.transfer.transfer(visitor.token, transfer_id)
    context = {
        "case": case,
        "offers": offers_for(case, visitor.principal),
        "units": await _unit_names(request, visitor, case),
        "problem": placed(problem) if problem else None,
        "form": {**EMPTY_FORM, **(form or {})},
        # One id per form shown: a form sent twice (a double click, a resend) acts once.
        "decision_id": form.get("decision_id") if form and problem else str(uuid.uuid4()),
        "reports": REPORTS,
    }
    return await console.renderer.page(
        request,
        "transfers/case.html",
        context,
        visitor=visitor,
        section="transfers",
        problem=problem,
    )


async def _acted(
    request: Request,
    visitor: Visitor,
    transfer_id: str,
    action: str,
    body: dict[str, object],
    form: dict[str, str],
    done: str,
) -> Response:
    try:
        await console_of(request).transfer.act(visitor.token, transfer_id, action, body)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return await case_page(request, visitor, transfer_id, problem=problem, form=form)
    response = RedirectResponse(case_path(transfer_id), status_code=303)
    flash.flash(response, done)
    return response


@router.get("/transfers/{transfer_id}")
async def transfer_case(
    request: Request, visitor: InTransfers, transfer_id: TransferId
) -> Response:
    return await case_page(request, visitor, transfer_id)


@router.post("/transfers/{transfer_id}/decision")
async def decide(
    request: Request,
    visitor: InTransfers,
    transfer_id: TransferId,
    decision: Annotated[str, Form(pattern="^(approve|refuse)$")],
    step: Annotated[str, Form(max_length=40)],
    decision_id: DecisionId,
    reason: Reason = "",
) -> Response:
    # The step shown travels with the decision: a page left open while the case moved on
    # cannot decide the next step by accident (the workflow refuses a different step).
    body = {
        "decision": decision,
        "step": step,
        "reason": reason.strip() or None,
        "decision_id": decision_id,
    }
    form = {"reason": reason, "decision_id": decision_id}
    done = "transfer_approved" if decision == "approve" else "transfer_refused"
    return await _acted(request, visitor, transfer_id, "decision", body, form, done)


@router.post("/transfers/{transfer_id}/withdrawal")
async def withdraw(
    request: Request,
    visitor: InTransfers,
    transfer_id: TransferId,
    decision_id: DecisionId,
    reason: Reason = "",
) -> Response:
    body = {"reason": reason.strip(), "decision_id": decision_id}
    form = {"reason": reason, "decision_id": decision_id}
    return await _acted(
        request, visitor, transfer_id, "withdrawal", body, form, "transfer_withdrawn"
    )


@router.post("/transfers/{transfer_id}/report")
async def report(
    request: Request,
    visitor: InTransfers,
    transfer_id: TransferId,
    step: Annotated[str, Form(pattern="^(" + "|".join(REPORTS) + ")$")],
    decision_id: DecisionId,
    method: Annotated[str, Form(max_length=40)] = "",
    tracking: Annotated[str, Form(max_length=60)] = "",
) -> Response:
    """The pupil's arrival, the paper file sent (how, with its tracking number) or received."""
    body: dict[str, object] = {"decision_id": decision_id}
    if step == "paper_file_sent":
        body |= {"method": method.strip(), "tracking": tracking.strip() or None}
    form = {"method": method, "tracking": tracking, "decision_id": decision_id}
    # The paper file's receipt is the last step: the case is done.
    done = "transfer_completed" if step == "paper_file_received" else "transfer_reported"
    return await _acted(request, visitor, transfer_id, REPORTS[step], body, form, done)
