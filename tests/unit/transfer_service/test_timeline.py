"""A finished transfer's steps read back from its recorded events (pure fold)."""

from datetime import timedelta

from tests.unit.transfer_service.transfer_rows import (
    OPENED,
    actor,
    event,
    timeline_row,
    transfer_row,
)
from xueji_transfer.transfers.timeline import from_events


def test_steps_carry_their_deadlines_escalations_and_decisions() -> None:
    due, later = OPENED + timedelta(days=14), OPENED + timedelta(days=30)
    reviewer = actor("school_reviewer", "2141000101")
    county = actor("county_officer", "410102")
    events = [
        event("filed"),
        event("step_opened", "receiving_school", deadline=due),
        event("step_decided", "receiving_school", minutes=5, actor=reviewer, decision="approve"),
        event("step_opened", "receiving_bureau", minutes=6, deadline=due, provisional=True),
        event("step_overdue", "receiving_bureau", minutes=7, deadline=due),
        event("escalated", "receiving_bureau", minutes=8, deadline=later, escalated_to="4101"),
        event(
            "step_decided", "receiving_bureau", minutes=9, actor=county, decision="refuse",
            reason="学位已满",
        ),
        event("refused", "receiving_bureau", minutes=9, actor=county, reason="学位已满"),
    ]  # fmt: skip
    steps = from_events(transfer_row(), [timeline_row(e) for e in events])

    assert [s.step for s in steps] == ["receiving_school", "receiving_bureau"]
    school, bureau = steps
    assert school.decision == "approve" and school.decided_by.unit_code == "2141000101"
    assert school.party_roles == ["school_reviewer"] and school.deadline == due
    assert bureau.party_unit == "410102" and bureau.overdue
    assert bureau.escalated_to == ["4101"] and bureau.deadline == later
    assert not bureau.provisional
    assert (bureau.decision, bureau.reason) == ("refuse", "学位已满")


def test_a_withdrawal_is_a_step_of_its_own_and_leaves_the_open_step_undecided() -> None:
    registrar = actor("school_registrar", "2141000101")
    events = [
        event("step_opened", "receiving_school"),
        event("withdrawn", "withdrawal", minutes=3, actor=registrar, reason="家长改变主意"),
    ]
    steps = from_events(transfer_row(), [timeline_row(e) for e in events])
    assert [(s.step, s.decision) for s in steps] == [
        ("receiving_school", None),
        ("withdrawal", "withdraw"),
    ]
    assert steps[1].reason == "家长改变主意" and steps[1].decided_by.role == "school_registrar"
