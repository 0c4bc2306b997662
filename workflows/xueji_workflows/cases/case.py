"""The skeleton every case family runs on (workflow code, deterministic).

A case claims its pupil and records `filed`; the family runs its steps at the approval desk
(`desk`); an approved case is carried out by another service (`carry_out`); the case ends
closed (completed, refused, withdrawn) or failed, releasing the pupil and saying so. The
family supplies who the case is, how its events are named and recorded, and which docking
provinces hear it; it keeps `state` for the states of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import NoReturn, TypeVar

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes as sa
from xueji_workflows.actors import Actor
from xueji_workflows.approval import (
    REFUSE,
    CaseOutcome,
    CaseTimeline,
    DecisionReceipt,
    StepDecision,
    StepRecord,
)
from xueji_workflows.approval.desk import ApprovalDesk
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases import CLAIMING, FAILED, IN_REVIEW, REFUSED, CaseIdentity
from xueji_workflows.cases.event_log import CaseEventLog
from xueji_workflows.cases.lock import claim_case, open_case_error, release_case

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.cases.event import EventFamily

T = TypeVar("T")

# The other service's write that carries out a case (`carry_out`): outages are retried for as
# long as they last; only a business refusal stops it.
WRITE_TIMEOUT = timedelta(minutes=2)
WRITE_RETRY = RetryPolicy(
    initial_interval=timedelta(seconds=5),
    backoff_coefficient=2.0,
    maximum_interval=timedelta(minutes=10),
)


class Case:
    def __init__(
        self,
        identity: CaseIdentity,
        family: EventFamily,
        audience: list[str],
        *,
        calendar_queue: str | None = None,
        holds_pupil: bool = True,
    ) -> None:
        """`audience`: the docking provinces that hear the case's events; `calendar_queue` as
        `ApprovalDesk` takes it; `holds_pupil`: False for a case about no single pupil (an
        export application), which takes no open-case lock and so releases none."""
        self.identity = identity
        self.holds_pupil = holds_pupil
        self.events = CaseEventLog(family, identity, audience)
        self.desk = ApprovalDesk(self.events, calendar_queue=calendar_queue)
        self.state = CLAIMING
        self.failure: ApplicationError | None = None

    async def file(self, filed_by: Actor, reason: str) -> None:
        """Claim the pupil and record `filed`; a refused claim or another open case of the
        pupil fails the case."""
        case = self.identity
        try:
            claim = await claim_case(case.case_id, case.national_number, case.kind)
        except ApplicationError as refusal:
            await self.fail(refusal, claimed=False)
        if not claim.claimed:
            await self.fail(open_case_error(claim), claimed=False)
        self.state = IN_REVIEW
        await self.events.case("filed", StepFields(actor=filed_by, reason=reason))

    def accept_decision(self, request: StepDecision) -> DecisionReceipt:
        """The `decide` update, once its validator passed."""
        receipt = self.desk.accept(
            request.decision_id, request.actor, request.decision, request.reason, request.details
        )
        if receipt.decision == REFUSE:
            self.state = REFUSED
        return receipt

    async def carry_out(self, state: str, step: str, write: Callable[[], Awaitable[T]]) -> T:
        """Run `write`, the other service's change that carries out the approved case (the
        record move, the status change), as `step` in `state`; its business refusal fails
        the case."""
        self.state = state
        workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set(step)])
        await self.events.flush()
        try:
            return await write()
        except ApplicationError as error:
            await self.fail(error, claimed=True)

    async def close(self, state: str, closing: StepRecord | None) -> CaseOutcome:
        """End the case in `state` (completed, refused, withdrawn); `closing` is the record
        that ended it, whose actor and reason the event and the outcome carry."""
        self.state = state
        workflow.upsert_search_attributes(
            [sa.CURRENT_STEP.value_set(state), sa.OVERDUE.value_set(False)]
        )
        if self.holds_pupil:
            await release_case(self.identity.case_id, self.identity.national_number)
        fields = StepFields()
        if closing is not None:
            fields = StepFields(step=closing.step, actor=closing.decided_by, reason=closing.reason)
        await self.events.case(state, fields)
        await self.events.flush()
        await workflow.wait_condition(workflow.all_handlers_finished)
        return CaseOutcome(self.identity.case_id, state, workflow.now(), fields.reason)

    async def fail(self, error: ApplicationError, *, claimed: bool) -> NoReturn:
        """End the case as failed with `error`, releasing the pupil if the case held them."""
        self.state, self.failure = FAILED, error
        workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set(FAILED)])
        if claimed and self.holds_pupil:
            await release_case(self.identity.case_id, self.identity.national_number)
        await self.events.case(
            "failed", StepFields(details={"code": error.type or "", "message": error.message})
        )
        await self.events.flush()
        raise error

    def timeline(self) -> CaseTimeline:
        case = self.identity
        return self.desk.timeline(
            case.case_id, case.kind, case.national_number, self.state, self.failure
        )
