"""The transfer workflow (SPEC §5). Deterministic code only: no I/O, clocks or holiday data.

Changing running logic: transfers run for weeks, so a change to what this code does for a
history already recorded must be guarded with `workflow.patched("<id>")` — new code in the
`if` branch, the old path in `else` — until every transfer started before the change has
finished; then switch to `workflow.deprecate_patch("<id>")` and finally drop the old path.
`tests/workflows/test_replay.py` replays recorded histories and fails on an
unguarded change; record a fresh history after each patch.
"""

from __future__ import annotations

from temporalio import workflow

from xueji_workflows import search_attributes as sa
from xueji_workflows import transfer as tf
from xueji_workflows.actors import Actor
from xueji_workflows.approval import (
    APPROVE,
    REFUSE,
    CaseOutcome,
    DecisionReceipt,
    StepDecision,
    StepRecord,
)
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases import CaseIdentity
from xueji_workflows.cases.case import Case
from xueji_workflows.cases.handlers import CaseWorkflow
from xueji_workflows.errors import (
    INVALID_CASE_INPUT,
    INVALID_DECISION,
    SHIPPING_METHOD_REQUIRED,
    TRANSFER_FINISHED,
    rejection,
)
from xueji_workflows.transfer import (
    ArrivalReport,
    PaperFileReceived,
    PaperFileSent,
    TransferInput,
    Withdrawal,
)
from xueji_workflows.transfer.identity import identity_attributes
from xueji_workflows.transfer.record_move import move_record
from xueji_workflows.transfer.route import (
    approval_route,
    arrival_step,
    docking_provinces,
    paper_file_received_step,
    paper_file_sent_step,
    sending_docking_provinces,
)
from xueji_workflows.transfer.withdrawal import check_withdrawal, withdrawal_record
from xueji_workflows.units import well_formed

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.transfer.activities import TRANSFER_EVENTS


@workflow.defn
class TransferWorkflow(CaseWorkflow):
    @workflow.init
    def __init__(self, transfer: TransferInput) -> None:
        self._transfer = transfer
        identity = CaseIdentity(transfer.transfer_id, tf.CASE_KIND, transfer.national_number)
        self._case = Case(identity, TRANSFER_EVENTS, docking_provinces(transfer))
        self._events = self._case.events
        self._desk = self._case.desk
        self._withdrawal: StepRecord | None = None

    @workflow.run
    async def run(self, transfer: TransferInput) -> CaseOutcome:
        case = self._case
        sa.set_unless_started_with(identity_attributes(transfer))
        if not (well_formed(transfer.receiving_school) and well_formed(transfer.sending_school)):
            await case.fail(rejection(INVALID_CASE_INPUT, "unit_path"), claimed=False)
        await case.file(transfer.filed_by, transfer.reason)
        for spec in approval_route(transfer):
            record = await self._desk.run(spec, stop_when=self._withdrawn)
            if record is None:
                return await case.close(tf.WITHDRAWN, self._withdrawal)
            if record.decision == REFUSE:
                return await case.close(tf.REFUSED, record)
        case.state = tf.AWAITING_ARRIVAL
        await self._events.case("approved")
        if await self._desk.run(arrival_step(transfer), stop_when=self._withdrawn) is None:
            return await case.close(tf.WITHDRAWN, self._withdrawal)
        moved = await case.carry_out(tf.MOVING, tf.RECORD_MOVE, lambda: move_record(transfer))
        await self._events.case(
            "record_moved",
            StepFields(
                details={
                    "moved_at": moved.moved_at.isoformat(),
                    "record_version": str(moved.record_version),
                }
            ),
        )
        notified = sending_docking_provinces(transfer)
        await self._events.case("sending_school_notified", provinces=notified)
        case.state = tf.AWAITING_PAPER_FILE
        await self._desk.run(paper_file_sent_step(transfer), stop_when=lambda: False)
        case.state = tf.AWAITING_PAPER_RECEIPT
        await self._desk.run(paper_file_received_step(transfer), stop_when=lambda: False)
        return await case.close(tf.COMPLETED, None)

    def check_decision(self, request: StepDecision) -> None:
        if request.decision not in (APPROVE, REFUSE) and not self._desk.receipt(
            request.decision_id
        ):
            raise rejection(INVALID_DECISION, request.decision)
        self._check_step(
            request.decision_id, request.step, request.actor, request.decision, request.reason
        )

    @workflow.update
    def report_arrival(self, request: ArrivalReport) -> DecisionReceipt:
        return self._desk.accept(request.decision_id, request.actor, tf.REPORTED, None)

    @report_arrival.validator
    def _check_arrival(self, request: ArrivalReport) -> None:
        self._check_step(request.decision_id, tf.REPORT_ARRIVAL, request.actor, tf.REPORTED)

    @workflow.update
    def paper_file_sent(self, request: PaperFileSent) -> DecisionReceipt:
        details = {"method": request.method.strip(), "tracking": (request.tracking or "").strip()}
        return self._desk.accept(request.decision_id, request.actor, tf.SENT, None, details)

    @paper_file_sent.validator
    def _check_paper_file_sent(self, request: PaperFileSent) -> None:
        self._check_step(request.decision_id, tf.PAPER_FILE_SENT, request.actor, tf.SENT)
        if not request.method.strip() and not self._desk.receipt(request.decision_id):
            raise rejection(SHIPPING_METHOD_REQUIRED)

    @workflow.update
    def paper_file_received(self, request: PaperFileReceived) -> DecisionReceipt:
        return self._desk.accept(request.decision_id, request.actor, tf.RECEIVED, None)

    @paper_file_received.validator
    def _check_paper_file_received(self, request: PaperFileReceived) -> None:
        self._check_step(request.decision_id, tf.PAPER_FILE_RECEIVED, request.actor, tf.RECEIVED)

    @workflow.update
    def withdraw(self, request: Withdrawal) -> DecisionReceipt:
        known = self._desk.receipt(request.decision_id)
        if known is not None:
            return known
        self._withdrawal = withdrawal_record(self._transfer, request, workflow.now())
        self._desk.steps.append(self._withdrawal)
        self._case.state = tf.WITHDRAWN
        w = self._withdrawal
        receipt = DecisionReceipt(request.decision_id, w.step, w.decision or "", w.opened_at)
        self._desk.remember(receipt)
        return receipt

    @withdraw.validator
    def _check_withdraw(self, request: Withdrawal) -> None:
        if self._desk.receipt(request.decision_id) is None:
            self._check_open()
            check_withdrawal(self._transfer, self._case.state, self._desk.steps, request)

    def _withdrawn(self) -> bool:
        return self._withdrawal is not None

    def _check_open(self) -> None:
        if self._case.state in tf.FINISHED_STATES:
            raise rejection(TRANSFER_FINISHED, self._case.state)

    def _check_step(
        self,
        decision_id: str,
        step: str | None,
        actor: Actor,
        decision: str,
        reason: str | None = None,
    ) -> None:
        """Reject a request that may not decide `step`; a repeated decision id always passes."""
        if self._desk.receipt(decision_id) is None:
            self._check_open()
            self._desk.check(decision_id, step, actor, decision, reason)
