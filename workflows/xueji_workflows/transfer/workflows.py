"""The transfer workflow (SPEC §5). Deterministic code only: no I/O, clocks or holiday data.

Changing running logic: transfers run for weeks, so a change to what this code does for a
history already recorded must be guarded with `workflow.patched("<id>")` — new code in the
`if` branch, the old path in `else` — until every transfer started before the change has
finished; then switch to `workflow.deprecate_patch("<id>")` and finally drop the old path.
`tests/workflows/test_transfer_replay.py` replays a recorded history and fails on an
unguarded change; record a fresh history after each patch.
"""

from __future__ import annotations

from temporalio import workflow
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes as sa
from xueji_workflows.actors import Actor
from xueji_workflows.approval import (
    APPROVE,
    REFUSE,
    WITHDRAW,
    CaseOutcome,
    CaseTimeline,
    DecisionReceipt,
    StepRecord,
)
from xueji_workflows.approval.authority import check_party, check_reason
from xueji_workflows.approval.desk import ApprovalDesk
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases.lock import claim_case, open_case_error, release_case
from xueji_workflows.errors import (
    INVALID_CASE_INPUT,
    INVALID_DECISION,
    SHIPPING_METHOD_REQUIRED,
    STEP_NOT_ACTIVE,
    TRANSFER_FINISHED,
    WITHDRAW_TOO_LATE,
    rejection,
)
from xueji_workflows.transfer import (
    AWAITING_ARRIVAL,
    AWAITING_PAPER_FILE,
    AWAITING_PAPER_RECEIPT,
    CASE_KIND,
    CLAIMING,
    COMPLETED,
    FAILED,
    FINISHED_STATES,
    IN_REVIEW,
    MOVING,
    PAPER_FILE_RECEIVED,
    PAPER_FILE_SENT,
    RECEIVED,
    RECORD_MOVE,
    REFUSED,
    REPORT_ARRIVAL,
    REPORTED,
    SENT,
    WITHDRAWAL,
    WITHDRAWN,
    ArrivalReport,
    PaperFileReceived,
    PaperFileSent,
    StepDecision,
    TransferInput,
    Withdrawal,
)
from xueji_workflows.transfer.events import TransferEventLog
from xueji_workflows.transfer.record_move import move_record
from xueji_workflows.transfer.route import (
    approval_route,
    arrival_step,
    paper_file_received_step,
    paper_file_sent_step,
    withdrawal_party,
)
from xueji_workflows.units import province_of, well_formed

WITHDRAWABLE = frozenset({IN_REVIEW, AWAITING_ARRIVAL})


@workflow.defn
class TransferWorkflow:
    @workflow.init
    def __init__(self, transfer: TransferInput) -> None:
        self._transfer = transfer
        self._events = TransferEventLog(transfer)
        self._desk = ApprovalDesk(self._events.step)
        self._state = CLAIMING
        self._withdrawal: StepRecord | None = None
        self._failure: ApplicationError | None = None

    @workflow.run
    async def run(self, transfer: TransferInput) -> CaseOutcome:
        self._upsert_identity()
        if not (well_formed(transfer.receiving_school) and well_formed(transfer.sending_school)):
            await self._fail(rejection(INVALID_CASE_INPUT, "unit_path"), claimed=False)
        claim = await claim_case(transfer.transfer_id, transfer.pupil_number, CASE_KIND)
        if not claim.claimed:
            await self._fail(open_case_error(claim), claimed=False)
        self._state = IN_REVIEW
        await self._events.case(
            "filed", StepFields(actor=transfer.filed_by, reason=transfer.reason)
        )
        for spec in approval_route(transfer):
            record = await self._desk.run(spec, stop_when=self._withdrawn)
            if record is None:
                return await self._end(WITHDRAWN, self._withdrawal)
            if record.decision == REFUSE:
                return await self._end(REFUSED, record)
        self._state = AWAITING_ARRIVAL
        await self._events.case("approved")
        if await self._desk.run(arrival_step(transfer), stop_when=self._withdrawn) is None:
            return await self._end(WITHDRAWN, self._withdrawal)
        await self._move(transfer)
        self._state = AWAITING_PAPER_FILE
        await self._desk.run(paper_file_sent_step(transfer), stop_when=lambda: False)
        self._state = AWAITING_PAPER_RECEIPT
        await self._desk.run(paper_file_received_step(transfer), stop_when=lambda: False)
        return await self._end(COMPLETED, None)

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
        if self._desk.receipt(request.decision_id) is None:
            self._check_open()
            if request.decision not in (APPROVE, REFUSE):
                raise rejection(INVALID_DECISION, request.decision)
            self._desk.check(
                request.decision_id, request.step, request.actor, request.decision, request.reason
            )

    @workflow.update
    def report_arrival(self, request: ArrivalReport) -> DecisionReceipt:
        return self._desk.accept(request.decision_id, request.actor, REPORTED, None)

    @report_arrival.validator
    def _check_arrival(self, request: ArrivalReport) -> None:
        self._check_step(request.decision_id, REPORT_ARRIVAL, request.actor, REPORTED)

    @workflow.update
    def paper_file_sent(self, request: PaperFileSent) -> DecisionReceipt:
        details = {"method": request.method.strip(), "tracking": (request.tracking or "").strip()}
        return self._desk.accept(request.decision_id, request.actor, SENT, None, details)

    @paper_file_sent.validator
    def _check_paper_file_sent(self, request: PaperFileSent) -> None:
        self._check_step(request.decision_id, PAPER_FILE_SENT, request.actor, SENT)
        if self._desk.receipt(request.decision_id) is None and not request.method.strip():
            raise rejection(SHIPPING_METHOD_REQUIRED)

    @workflow.update
    def paper_file_received(self, request: PaperFileReceived) -> DecisionReceipt:
        return self._desk.accept(request.decision_id, request.actor, RECEIVED, None)

    @paper_file_received.validator
    def _check_paper_file_received(self, request: PaperFileReceived) -> None:
        self._check_step(request.decision_id, PAPER_FILE_RECEIVED, request.actor, RECEIVED)

    @workflow.update
    def withdraw(self, request: Withdrawal) -> DecisionReceipt:
        known = self._desk.receipt(request.decision_id)
        if known is not None:
            return known
        now = workflow.now()
        self._withdrawal = StepRecord(
            step=WITHDRAWAL,
            party_unit=self._transfer.receiving_school.code,
            party_roles=list(withdrawal_party(self._transfer).roles),
            opened_at=now,
            decision=WITHDRAW,
            decided_by=request.actor,
            reason=request.reason.strip(),
            decided_at=now,
            decision_id=request.decision_id,
        )
        self._desk.steps.append(self._withdrawal)
        self._state = WITHDRAWN
        receipt = DecisionReceipt(request.decision_id, WITHDRAWAL, WITHDRAW, now)
        self._desk.remember(receipt)
        return receipt

    @withdraw.validator
    def _check_withdraw(self, request: Withdrawal) -> None:
        if self._desk.receipt(request.decision_id) is not None:
            return
        self._check_open()
        check_party(withdrawal_party(self._transfer), request.actor)
        reported = any(s.step == REPORT_ARRIVAL and s.decision for s in self._desk.steps)
        if reported or self._state in (MOVING, AWAITING_PAPER_FILE, AWAITING_PAPER_RECEIPT):
            raise rejection(WITHDRAW_TOO_LATE)
        if self._state not in WITHDRAWABLE:
            raise rejection(STEP_NOT_ACTIVE, WITHDRAWAL)
        check_reason(WITHDRAW, request.reason)

    @workflow.signal
    def calendar_published(self, year: int) -> None:
        """A holiday schedule was published: recompute provisional deadlines."""
        self._desk.calendar_published(year)

    @workflow.query
    def timeline(self) -> CaseTimeline:
        t = self._transfer
        return self._desk.timeline(
            t.transfer_id, CASE_KIND, t.pupil_number, self._state, self._failure
        )

    def _withdrawn(self) -> bool:
        return self._withdrawal is not None

    def _check_open(self) -> None:
        if self._state in FINISHED_STATES:
            raise rejection(TRANSFER_FINISHED, self._state)

    def _check_step(self, decision_id: str, step: str, actor: Actor, decision: str) -> None:
        if self._desk.receipt(decision_id) is None:
            self._check_open()
            self._desk.check(decision_id, step, actor, decision, None)

    def _upsert_identity(self) -> None:
        t = self._transfer
        workflow.upsert_search_attributes(
            [
                sa.CASE_KIND.value_set(CASE_KIND),
                sa.PUPIL_NUMBER.value_set(t.pupil_number),
                sa.RECEIVING_SCHOOL.value_set(t.receiving_school.code),
                sa.SENDING_SCHOOL.value_set(t.sending_school.code),
                sa.RECEIVING_PROVINCE.value_set(province_of(t.receiving_school.unit_path)),
                sa.SENDING_PROVINCE.value_set(province_of(t.sending_school.unit_path)),
                sa.CURRENT_STEP.value_set(CLAIMING),
                sa.OVERDUE.value_set(False),
            ]
        )

    async def _move(self, transfer: TransferInput) -> None:
        self._state = MOVING
        workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set(RECORD_MOVE)])
        try:
            moved = await move_record(transfer)
        except ApplicationError as error:
            await self._fail(error)
            raise
        await self._events.case(
            "record_moved", StepFields(details={"moved_at": moved.moved_at.isoformat()})
        )
        await self._events.case(
            "sending_school_notified", provinces=self._events.sending_docking_provinces()
        )

    async def _end(self, state: str, closing: StepRecord | None) -> CaseOutcome:
        self._state = state
        workflow.upsert_search_attributes(
            [sa.CURRENT_STEP.value_set(state), sa.OVERDUE.value_set(False)]
        )
        t = self._transfer
        await release_case(t.transfer_id, t.pupil_number)
        fields = StepFields()
        if closing is not None:
            fields = StepFields(step=closing.step, actor=closing.decided_by, reason=closing.reason)
        await self._events.case(state, fields)
        await workflow.wait_condition(workflow.all_handlers_finished)
        return CaseOutcome(t.transfer_id, state, workflow.now(), fields.reason)

    async def _fail(self, error: ApplicationError, *, claimed: bool = True) -> None:
        """End the transfer in the failed state; raises `error` as the workflow failure."""
        self._state, self._failure = FAILED, error
        workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set(FAILED)])
        if claimed:
            await release_case(self._transfer.transfer_id, self._transfer.pupil_number)
        details = {"code": error.type or "", "message": error.message}
        await self._events.case(FAILED, StepFields(details=details))
        raise error
