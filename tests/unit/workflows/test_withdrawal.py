from datetime import UTC, datetime

import pytest
from temporalio.exceptions import ApplicationError

from tests.unit.workflows.workflow_samples import RECEIVING, SENDING, actor, transfer
from xueji_workflows.approval import StepRecord
from xueji_workflows.transfer import Withdrawal
from xueji_workflows.transfer.withdrawal import check_withdrawal, withdrawal_record

NOW = datetime(2026, 10, 8, 9, 0, tzinfo=UTC)
BY_REGISTRAR = Withdrawal("w-1", actor("school_registrar", RECEIVING.code), "家长改变主意")


def arrival(decision: str | None) -> StepRecord:
    record = StepRecord("report_arrival", RECEIVING.code, ["school_registrar"], NOW)
    record.decision = decision
    return record


def code_of(state: str, steps: list[StepRecord], request: Withdrawal = BY_REGISTRAR) -> str | None:
    try:
        check_withdrawal(transfer(), state, steps, request)
    except ApplicationError as err:
        return err.type
    return None


@pytest.mark.parametrize(
    ("state", "steps", "code"),
    [
        ("in_review", [], None),
        ("awaiting_arrival", [arrival(None)], None),
        ("awaiting_arrival", [arrival("reported")], "WITHDRAW_TOO_LATE"),
        ("moving", [arrival("reported")], "WITHDRAW_TOO_LATE"),
        ("awaiting_paper_file", [arrival("reported")], "WITHDRAW_TOO_LATE"),
        ("claiming", [], "STEP_NOT_ACTIVE"),
    ],
)
def test_withdrawal_only_before_the_move(
    state: str, steps: list[StepRecord], code: str | None
) -> None:
    assert code_of(state, steps) == code


def test_only_the_receiving_school_withdraws_with_a_reason() -> None:
    by_sender = Withdrawal("w-2", actor("school_reviewer", SENDING.code), "x")
    by_teacher = Withdrawal("w-3", actor("class_teacher", RECEIVING.code), "x")
    no_reason = Withdrawal("w-4", actor("school_reviewer", RECEIVING.code), "")

    assert code_of("in_review", [], by_sender) == "NOT_YOUR_STEP"
    assert code_of("in_review", [], by_teacher) == "ROLE_NOT_ALLOWED"
    assert code_of("in_review", [], no_reason) == "REASON_REQUIRED"


def test_withdrawal_becomes_a_timeline_row() -> None:
    record = withdrawal_record(transfer(), BY_REGISTRAR, NOW)

    assert (record.step, record.decision, record.reason, record.decided_at) == (
        "withdrawal",
        "withdraw",
        "家长改变主意",
        NOW,
    )
    assert record.decided_by == BY_REGISTRAR.actor
