"""A transfer's standing after each event: the pure fold `record_event` applies."""

from datetime import timedelta

from tests.unit.transfer_service.transfer_rows import OPENED, actor, event, transfer_row
from xueji_transfer.events.recording import progress_of
from xueji_transfer.transfers.facts import step_spec, transfer_input
from xueji_transfer.transfers.progress import Progress, advance


def _run(*events: object) -> Progress:
    transfer = transfer_input(transfer_row())
    progress = progress_of(transfer_row())
    for e in events:
        progress = advance(progress, e, step_spec(transfer, e.step))  # type: ignore[attr-defined]
    return progress


def test_an_opened_step_names_its_party_and_deadline() -> None:
    due = OPENED + timedelta(days=5)
    progress = _run(event("filed"), event("step_opened", "receiving_school", deadline=due))
    assert progress.state == "in_review"
    assert (progress.current_step, progress.party_unit) == ("receiving_school", "2141000101")
    assert progress.party_roles == ["school_reviewer"]
    assert progress.deadline == due and not progress.overdue


def test_overdue_and_escalation_keep_the_step_open() -> None:
    later = OPENED + timedelta(days=20)
    progress = _run(
        event("filed"),
        event("step_opened", "receiving_bureau", deadline=OPENED),
        event("step_overdue", "receiving_bureau", deadline=OPENED),
        event("escalated", "receiving_bureau", deadline=later, escalated_to="4101"),
    )
    assert progress.current_step == "receiving_bureau" and progress.party_unit == "410102"
    assert progress.overdue and progress.escalated_to == "4101" and progress.deadline == later


def test_a_decision_closes_the_step_and_arrival_moves_the_record() -> None:
    reviewer = actor("school_reviewer", "2141000101")
    decided = _run(
        event("step_opened", "receiving_school"),
        event("step_decided", "receiving_school", actor=reviewer, decision="approve"),
    )
    assert decided.current_step is None and decided.party_unit is None
    arrived = _run(
        event("approved"),
        event("step_opened", "report_arrival"),
        event("arrival_reported", "report_arrival", decision="reported"),
    )
    assert arrived.state == "moving"
    paper = _run(event("sending_school_notified"), event("step_opened", "paper_file_sent"))
    assert paper.state == "awaiting_paper_file" and paper.party_unit == "2143000101"


def test_closing_events_end_the_transfer() -> None:
    for kind, state in (
        ("refused", "refused"),
        ("withdrawn", "withdrawn"),
        ("completed", "completed"),
    ):
        assert _run(event("step_opened", "receiving_school"), event(kind)).state == state
    failed = _run(event("failed", details={"code": "PUPIL_HAS_OPEN_CASE", "message": "x"}))
    assert (failed.state, failed.failure_code) == ("failed", "PUPIL_HAS_OPEN_CASE")
    assert failed.current_step is None
