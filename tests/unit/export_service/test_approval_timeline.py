"""An application's period of use and its timeline as the API folds it (pure)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from xueji_export.approval.case_input import end_of_use, unit_path
from xueji_export.approval.timeline import steps_of

T0 = datetime(2026, 12, 3, 2, tzinfo=UTC)
APPROVER = {"account_id": "a-2", "name": "孙局长", "role": "county_officer",
            "unit_code": "640104", "unit_path": ["CN", "64", "6401", "640104"]}  # fmt: skip


def test_the_period_of_use_ends_at_the_next_midnight_in_beijing() -> None:
    ends = end_of_use(date(2026, 12, 23))
    assert ends.astimezone(UTC) == datetime(2026, 12, 23, 16, tzinfo=UTC)
    assert unit_path("/CN/64/6401/640104/") == ["CN", "64", "6401", "640104"]


def event(kind: str, minutes: int, **fields: object) -> dict:
    row = {"type": f"export_approval.{kind}", "step": "approval", "occurred_at":
           T0 + timedelta(minutes=minutes), "deadline": None, "provisional": False,
           "escalated_to": None, "actor": None, "decision": None, "reason": None}  # fmt: skip
    return row | fields


def test_steps_carry_deadline_escalation_and_who_decided_when() -> None:
    first, second = T0 + timedelta(days=14), T0 + timedelta(days=28)
    rows = [
        {**event("filed", 0), "step": None},
        event("step_opened", 1, deadline=first),
        event("step_overdue", 20_000),
        event("escalated", 20_001, deadline=second, escalated_to="6401"),
        event("decided", 20_100, actor=APPROVER, decision="approve"),
        {**event("ready", 20_200), "step": None},
    ]
    [step] = steps_of(rows, {"approval": ("640104", ["county_officer"])})
    assert (step.party_unit, step.party_roles) == ("640104", ["county_officer"])
    assert step.overdue and step.escalated_to == ["6401"] and step.deadline == second
    assert step.decision == "approve" and step.decided_by is not None
    assert step.decided_by.name == "孙局长"
    assert step.decided_at == T0 + timedelta(minutes=20_100)
