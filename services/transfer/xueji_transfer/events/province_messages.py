"""What a docking province hears of a transfer on `xueji.province.<code>.outbound.v1`.

A step it must act on (or whose deadline moved) comes as province.step_pending; everything
else its parties take part in as province.case_changed.
"""

from __future__ import annotations

import uuid

from xueji.province.v1.province_events_pb2 import ProvinceCaseChanged, ProvinceStepPending
from xueji.province.v1.province_pb2 import CaseKind, TransferStepNotice
from xueji.registry.v1.pupil_pb2 import PupilRecord
from xueji_common.contracts import province_outbound_topic
from xueji_common.events.outgoing import OutgoingEvent
from xueji_transfer.events.parts import (
    DECISION_ENUM,
    STEP_ENUM,
    EventContext,
    actor_message,
    deadline,
    parties,
    pupil_id,
    step_working_days,
    timestamp,
    unit_ref,
)

PENDING_KINDS = frozenset({"transfer.step_opened", "transfer.deadline_recomputed"})


def _pupil(c: EventContext) -> PupilRecord:
    """The pupil as the transfer service holds them: identity, school and grade at filing."""
    t = c.transfer
    birth = t["pupil_birth_date"]
    return PupilRecord(
        pupil_id=pupil_id(t),
        national_number=t["pupil_number"],
        name=t["pupil_name"],
        gender_code=t["pupil_gender"] or "",
        birth_date=birth.isoformat() if birth else "",
        school=unit_ref(c, t["sending_school_code"]),
        grade=t["current_grade"],
    )


def step_pending(c: EventContext, province: str) -> ProvinceStepPending:
    t, event = c.transfer, c.event
    notice = TransferStepNotice(
        step=STEP_ENUM.get(event.step or "", 0),
        parties=parties(c),
        target_grade=t["target_grade"],
        target_class_name=t["target_class"] or "",
        reason=t["reason"],
        evidence_document_ids=list(t["evidence_ids"] or []),
    )
    opened = next(
        (
            row["occurred_at"]
            for row in reversed(c.history)
            if row["type"] == "transfer.step_opened" and row["step"] == event.step
        ),
        event.occurred_at,
    )
    return ProvinceStepPending(
        case_id=event.case_id,
        case_kind=CaseKind.CASE_KIND_TRANSFER,
        province_code=province,
        assignee=unit_ref(c, c.spec.party_unit) if c.spec else None,
        deadline=deadline(event.deadline, event.provisional, step_working_days(c)),
        opened_at=timestamp(opened),
        pupil=_pupil(c),
        transfer=notice,
    )


def case_changed(c: EventContext, province: str) -> ProvinceCaseChanged:
    event = c.event
    return ProvinceCaseChanged(
        case_id=event.case_id,
        case_kind=CaseKind.CASE_KIND_TRANSFER,
        province_code=province,
        change_type=event.type,
        source_event_id=event.event_id,
        state=c.progress.state,
        transfer_step=STEP_ENUM.get(event.step or "", 0),
        actor=actor_message(event.actor),
        decision=DECISION_ENUM.get(event.decision or "", 0),
        reason=event.reason or "",
        deadline=deadline(event.deadline, event.provisional, step_working_days(c)),
        escalated_to=unit_ref(c, event.escalated_to) if event.escalated_to else None,
        occurred_at=timestamp(event.occurred_at),
        parties=parties(c),
    )


def province_events(c: EventContext) -> list[OutgoingEvent]:
    """One outbound event per docking province the workflow named for this event."""
    out = []
    for province in c.event.outbound_provinces:
        pending = c.event.type in PENDING_KINDS
        message = step_pending(c, province) if pending else case_changed(c, province)
        out.append(
            OutgoingEvent(
                type="province.step_pending" if pending else "province.case_changed",
                key=c.event.case_id,
                message=message,
                subject=c.transfer["pupil_number"],
                topic=province_outbound_topic(province),
                # Stable per event and province, so a retried activity dedupes in the outbox.
                event_id=uuid.uuid5(uuid.NAMESPACE_URL, f"{c.event.event_id}/{province}"),
            )
        )
    return out
