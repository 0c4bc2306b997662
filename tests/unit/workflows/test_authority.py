from datetime import UTC, datetime

import pytest
from temporalio.exceptions import ApplicationError

from tests.unit.workflows.workflow_samples import actor
from xueji_workflows.approval import DeadlineRule, StepRecord, StepSpec
from xueji_workflows.approval.activities import BUREAU
from xueji_workflows.approval.authority import check_decision

BUREAU_STEP = StepSpec(
    name="receiving_bureau",
    party_unit="310101",
    party_path=("31", "3101", "310101"),
    roles=("county_officer",),
    decisions=("approve", "refuse"),
    deadline=DeadlineRule(BUREAU, 10),
)
DOCKING_STEP = StepSpec(
    name="sending_bureau",
    party_unit="320102",
    party_path=("32", "3201", "320102"),
    roles=("county_officer",),
    decisions=("approve", "refuse"),
    deadline=DeadlineRule(BUREAU, 10),
    docking_province="32",
)


def open_record(spec: StepSpec) -> StepRecord:
    return StepRecord(
        spec.name, spec.party_unit, list(spec.roles), datetime(2026, 9, 28, tzinfo=UTC)
    )


def code_of(spec: StepSpec | None, record: StepRecord | None, **request: object) -> str | None:
    arguments = {
        "decision_id": "d-1",
        "step": None,
        "actor": actor("county_officer", "310101"),
        "decision": "approve",
        "reason": None,
    }
    arguments.update(request)
    try:
        check_decision(spec, record, **arguments)  # type: ignore[arg-type]
    except ApplicationError as err:
        assert err.non_retryable
        return err.type
    return None


def test_the_steps_party_may_approve() -> None:
    assert code_of(BUREAU_STEP, open_record(BUREAU_STEP)) is None


@pytest.mark.parametrize(
    ("request_", "code"),
    [
        ({"decision_id": " "}, "DECISION_ID_REQUIRED"),
        ({"step": "sending_bureau"}, "STEP_NOT_ACTIVE"),
        ({"actor": actor("county_officer", "320102")}, "NOT_YOUR_STEP"),
        ({"actor": actor("school_reviewer", "310101")}, "ROLE_NOT_ALLOWED"),
        ({"decision": "sent"}, "INVALID_DECISION"),
        ({"decision": "refuse"}, "REASON_REQUIRED"),
        ({"decision": "refuse", "reason": "  "}, "REASON_REQUIRED"),
    ],
)
def test_requests_that_may_not_decide(request_: dict[str, object], code: str) -> None:
    assert code_of(BUREAU_STEP, open_record(BUREAU_STEP), **request_) == code


def test_refusal_with_reason_is_fine() -> None:
    record = open_record(BUREAU_STEP)
    assert code_of(BUREAU_STEP, record, decision="refuse", reason="材料不全") is None


def test_no_active_or_already_decided_step() -> None:
    decided = open_record(BUREAU_STEP)
    decided.decision = "approve"

    assert code_of(None, None) == "STEP_NOT_ACTIVE"
    assert code_of(BUREAU_STEP, decided) == "STEP_NOT_ACTIVE"


@pytest.mark.parametrize(
    ("who", "code"),
    [
        (actor("province_system", "32"), None),
        (actor("province_system", "31"), "NOT_YOUR_STEP"),
        (actor("county_officer", "320102"), "NOT_YOUR_STEP"),
    ],
)
def test_docking_province_decides_through_its_system(who: object, code: str | None) -> None:
    assert code_of(DOCKING_STEP, open_record(DOCKING_STEP), actor=who) == code
