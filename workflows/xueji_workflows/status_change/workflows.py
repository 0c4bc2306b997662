"""The status-change workflow (SPEC §4). Deterministic code only.

Running logic changes go through `workflow.patched` exactly as described in
`xueji_workflows.transfer.workflows`.
"""

from __future__ import annotations

from typing import NoReturn

from temporalio import workflow
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes as sa
from xueji_workflows.approval import (
    APPROVE,
    REFUSE,
    CaseOutcome,
    CaseTimeline,
    DecisionReceipt,
    StepDecision,
    StepRecord,
)
from xueji_workflows.approval.desk import ApprovalDesk
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases.closing import close_case, fail_case
from xueji_workflows.cases.lock import claim_case, open_case_error
from xueji_workflows.errors import (
    INVALID_CASE_INPUT,
    INVALID_DECISION,
    STATUS_CHANGE_FINISHED,
    rejection,
)
from xueji_workflows.status_change import (
    APPLY_CHANGE,
    APPLYING,
    CHANGE_TYPES,
    CLAIMING,
    COMPLETED,
    FAILED,
    FINISHED_STATES,
    IN_REVIEW,
    REFUSED,
    StatusChangeInput,
)
from xueji_workflows.status_change.events import StatusChangeEventLog
from xueji_workflows.status_change.identity import identity_attributes
from xueji_workflows.status_change.review import apply_change, bureau_step
from xueji_workflows.units import well_formed


@workflow.defn
class StatusChangeWorkflow:
    @workflow.init
    def __init__(self, change: StatusChangeInput) -> None:
        self._change = change
        self._events = StatusChangeEventLog(change)
        self._desk = ApprovalDesk(self._events, calendar_queue=change.calendar_queue)
        self._state = CLAIMING
        self._failure: ApplicationError | None = None

    @workflow.run
    async def run(self, change: StatusChangeInput) -> CaseOutcome:
        sa.set_unless_started_with(identity_attributes(change))
        if change.change_type not in CHANGE_TYPES or not well_formed(change.school):
            await self._fail(rejection(INVALID_CASE_INPUT, change.change_type), claimed=False)
        try:
            claim = await claim_case(change.case_id, change.pupil_number, change.change_type)
        except ApplicationError as refusal:
            await self._fail(refusal, claimed=False)
        if not claim.claimed:
            await self._fail(open_case_error(claim), claimed=False)
        self._state = IN_REVIEW
        await self._events.case("filed", StepFields(actor=change.filed_by, reason=change.reason))
        record = await self._desk.run(bureau_step(change), stop_when=lambda: False)
        if record is None or record.decision == REFUSE:
            return await self._end(REFUSED, record)
        self._state = APPLYING
        workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set(APPLY_CHANGE)])
        await self._events.flush()
        try:
            applied = await apply_change(change)
        except ApplicationError as error:
            await self._fail(error, claimed=True)
        await self._events.case(
            "applied", StepFields(details={"applied_at": applied.applied_at.isoformat()})
        )
        return await self._end(COMPLETED, record)

    @workflow.update
    def decide(self, request: StepDecision) -> DecisionReceipt:
        receipt = self._desk.accept(
            request.decision_id, request.actor, request.decision, request.reason
        )
        if receipt.decision == REFUSE:
            self._state = REFUSED
        return receipt

    @decide.validator
    def _check_decide(self, request: StepDecision) -> None:
        if self._desk.receipt(request.decision_id) is not None:
            return
        if self._state in FINISHED_STATES:
            raise rejection(STATUS_CHANGE_FINISHED, self._state)
        if request.decision not in (APPROVE, REFUSE):
            raise rejection(INVALID_DECISION, request.decision)
        self._desk.check(
            request.decision_id, request.step, request.actor, request.decision, request.reason
        )

    @workflow.signal
    def calendar_published(self, year: int) -> None:
        self._desk.calendar_published(year)

    @workflow.query
    def timeline(self) -> CaseTimeline:
        c = self._change
        return self._desk.timeline(
            c.case_id, c.change_type, c.pupil_number, self._state, self._failure
        )

    async def _end(self, state: str, closing: StepRecord | None) -> CaseOutcome:
        self._state = state
        c = self._change
        return await close_case(self._events, c.case_id, c.pupil_number, state, closing)

    async def _fail(self, error: ApplicationError, *, claimed: bool) -> NoReturn:
        self._state, self._failure = FAILED, error
        c = self._change
        await fail_case(self._events, c.case_id, c.pupil_number, error, claimed=claimed)
