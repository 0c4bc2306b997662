"""The payloads published for each recorded event: xueji.transfer.v1 and province topics."""

import uuid
from datetime import UTC, timedelta

from tests.unit.transfer_service.transfer_rows import (
    OPENED,
    actor,
    event,
    timeline_row,
    transfer_row,
)
from xueji.common.v1.org_pb2 import OrgKind
from xueji.transfer.v1.transfer_pb2 import TransferStep
from xueji_transfer.events.messages import BUILDERS, transfer_message
from xueji_transfer.events.parts import EventContext
from xueji_transfer.events.province_messages import province_events
from xueji_transfer.transfers.facts import step_spec, transfer_input
from xueji_transfer.transfers.progress import Progress
from xueji_workflows.transfer.activities import EVENT_TYPES

NAMES = {"410102": "郑州市中原区教育局", "4101": "郑州市教育局"}


def _context(e: object, history: list | None = None, **row: object) -> EventContext:
    transfer = transfer_row(**row)
    return EventContext(
        event=e,  # type: ignore[arg-type]
        transfer=transfer,
        progress=Progress(state="in_review"),
        spec=step_spec(transfer_input(transfer), e.step),  # type: ignore[attr-defined]
        history=history or [],
        unit_names=NAMES,
    )


def test_every_event_type_the_workflow_records_has_a_payload() -> None:
    assert set(BUILDERS) == set(EVENT_TYPES)


def test_step_opened_names_the_assignee_and_the_deadline() -> None:
    due = OPENED + timedelta(days=14)
    message = transfer_message(_context(event("step_opened", "receiving_bureau", deadline=due)))
    assert message.step == TransferStep.TRANSFER_STEP_RECEIVING_BUREAU_REVIEW
    assert message.assignee.code == "410102" and message.assignee.name == "郑州市中原区教育局"
    assert message.assignee.kind == OrgKind.ORG_KIND_COUNTY
    assert list(message.assignee.path) == ["CN", "41", "4101"]
    assert message.deadline.working_days == 10
    assert message.parties.sending_school.code == "2143000101"
    assert message.parties.pupil_national_number == "G430102201601010011"


def test_escalations_climb_one_level_at_a_time() -> None:
    first = event("escalated", "receiving_bureau", escalated_to="4101")
    message = transfer_message(_context(first))
    assert (message.escalated_from.code, message.escalated_to.code) == ("410102", "4101")
    assert message.escalation_level == 1
    second = event("escalated", "receiving_bureau", escalated_to="41")
    again = transfer_message(_context(second, history=[timeline_row(first)]))
    assert (again.escalated_from.code, again.escalated_to.code, again.escalation_level) == (
        "4101", "41", 2,
    )  # fmt: skip
    overdue = transfer_message(
        _context(event("step_overdue", "receiving_bureau"), history=[timeline_row(first)])
    )
    assert overdue.escalated_to.code == "41"


def test_approval_lists_the_approvals_in_order() -> None:
    reviewer = actor("school_reviewer", "2141000101")
    decided = event("step_decided", "receiving_school", actor=reviewer, decision="approve")
    message = transfer_message(_context(event("approved"), history=[timeline_row(decided)]))
    assert [a.step for a in message.approvals] == [
        TransferStep.TRANSFER_STEP_RECEIVING_SCHOOL_REVIEW
    ]
    assert message.approvals[0].actor.name == "李校长"


def test_docking_provinces_hear_pending_steps_and_case_changes_on_their_topic() -> None:
    opened = event("step_opened", "sending_school", outbound_provinces=["43"])
    row = {"sending_docks": True}
    pending = province_events(_context(opened, **row))
    assert [(o.type, o.topic) for o in pending] == [
        ("province.step_pending", "xueji.province.43.outbound.v1")
    ]
    assert pending[0].message.transfer.step == TransferStep.TRANSFER_STEP_SENDING_SCHOOL_REVIEW
    assert pending[0].key == transfer_row()["id"]
    assert province_events(_context(opened, **row))[0].event_id == pending[0].event_id
    refused = event("refused", "sending_school", outbound_provinces=["43"], reason="不同意")
    changed = province_events(_context(refused, **row))
    assert changed[0].type == "province.case_changed"
    assert changed[0].message.change_type == "transfer.refused"
    assert changed[0].message.source_event_id == refused.event_id
    assert province_events(_context(event("filed"))) == []


def test_every_event_names_the_pupil_by_the_registry_id_kept_at_filing() -> None:
    pupil_id = uuid.UUID("7d3f8a52-0c8e-4d7a-9d55-3c1f0f6b2a10")
    for kind in ("filed", "approved", "completed"):
        message = transfer_message(_context(event(kind), pupil_id=pupil_id))
        assert message.parties.pupil_id == str(pupil_id)
    opened = event("step_opened", "sending_school", outbound_provinces=["43"])
    [pending] = province_events(_context(opened, sending_docks=True, pupil_id=pupil_id))
    assert pending.message.pupil.pupil_id == str(pupil_id)
    assert pending.message.transfer.parties.pupil_id == str(pupil_id)
    # A transfer filed before the id was kept still publishes, without it.
    assert transfer_message(_context(event("filed"), pupil_id=None)).parties.pupil_id == ""


def test_record_moved_carries_the_record_version_the_registry_reported() -> None:
    moved_at = OPENED + timedelta(days=3)
    details = {"moved_at": moved_at.isoformat(), "record_version": "12"}
    message = transfer_message(_context(event("record_moved", details=details)))
    assert message.pupil_record_version == 12
    assert message.moved_at.ToDatetime(tzinfo=UTC) == moved_at
    # Events recorded before the version was passed on keep 0, "not reported".
    older = event("record_moved", details={"moved_at": moved_at.isoformat()})
    assert transfer_message(_context(older)).pupil_record_version == 0
