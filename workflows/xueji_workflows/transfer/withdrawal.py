"""Withdrawal by the receiving school, allowed until the pupil's arrival moves the record."""

from __future__ import annotations

from datetime import datetime

from xueji_workflows.approval import WITHDRAW, StepRecord
from xueji_workflows.approval.authority import check_party, check_reason
from xueji_workflows.errors import STEP_NOT_ACTIVE, WITHDRAW_TOO_LATE, rejection
from xueji_workflows.transfer import (
    AWAITING_ARRIVAL,
    AWAITING_PAPER_FILE,
    AWAITING_PAPER_RECEIPT,
    IN_REVIEW,
    MOVING,
    REPORT_ARRIVAL,
    WITHDRAWAL,
    TransferInput,
    Withdrawal,
)
from xueji_workflows.transfer.route import withdrawal_party

TOO_LATE = frozenset({MOVING, AWAITING_PAPER_FILE, AWAITING_PAPER_RECEIPT})
WITHDRAWABLE = frozenset({IN_REVIEW, AWAITING_ARRIVAL})


def check_withdrawal(
    transfer: TransferInput, state: str, steps: list[StepRecord], request: Withdrawal
) -> None:
    check_party(withdrawal_party(transfer), request.actor)
    reported = any(s.step == REPORT_ARRIVAL and s.decision for s in steps)
    if reported or state in TOO_LATE:
        raise rejection(WITHDRAW_TOO_LATE)
    if state not in WITHDRAWABLE:
        raise rejection(STEP_NOT_ACTIVE, WITHDRAWAL)
    check_reason(WITHDRAW, request.reason)


def withdrawal_record(transfer: TransferInput, request: Withdrawal, now: datetime) -> StepRecord:
    """The withdrawal as a timeline row."""
    return StepRecord(
        step=WITHDRAWAL,
        party_unit=transfer.receiving_school.code,
        party_roles=list(withdrawal_party(transfer).roles),
        opened_at=now,
        docking_province=withdrawal_party(transfer).docking_province,
        decision=WITHDRAW,
        decided_by=request.actor,
        reason=request.reason.strip(),
        decided_at=now,
        decision_id=request.decision_id,
    )
