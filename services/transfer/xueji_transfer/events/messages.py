"""The xueji.transfer.v1 payload of each event the workflow records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from google.protobuf.message import Message

from xueji.transfer.v1 import transfer_events_pb2 as pb
from xueji.transfer.v1.transfer_pb2 import StepApproval
from xueji_transfer.events.parts import (
    DECISION_ENUM,
    STEP_ENUM,
    EventContext,
    actor_message,
    deadline,
    earlier_escalations,
    parties,
    step_working_days,
    timestamp,
    unit_ref,
)
from xueji_transfer.transfers.facts import transfer_input
from xueji_workflows.approval import APPROVE
from xueji_workflows.transfer.route import approval_route
from xueji_workflows.units import supervisor


def _common(c: EventContext) -> dict[str, object]:
    return {"transfer_id": c.event.case_id, "parties": parties(c)}


def _step(c: EventContext) -> int:
    return STEP_ENUM.get(c.event.step or "", 0)


def _deadline(c: EventContext) -> object:
    return deadline(c.event.deadline, c.event.provisional, step_working_days(c))


def _assignee(c: EventContext) -> object:
    return unit_ref(c, c.spec.party_unit) if c.spec else None


def filed(c: EventContext) -> Message:
    t = c.transfer
    planned = [STEP_ENUM[spec.name] for spec in approval_route(transfer_input(t))]
    return pb.TransferFiled(
        **_common(c),
        actor=actor_message(c.event.actor),
        target_grade=t["target_grade"],
        target_class_name=t["target_class"] or "",
        reason=c.event.reason or t["reason"],
        evidence_document_ids=list(t["evidence_ids"] or []),
        planned_steps=planned,
    )


def step_opened(c: EventContext) -> Message:
    return pb.TransferStepOpened(
        **_common(c),
        step=_step(c),
        assignee=_assignee(c),
        deadline=_deadline(c),
        opened_at=timestamp(c.event.occurred_at),
    )


def step_decided(c: EventContext) -> Message:
    return pb.TransferStepDecided(
        **_common(c),
        step=_step(c),
        actor=actor_message(c.event.actor),
        decision=DECISION_ENUM.get(c.event.decision or "", 0),
        reason=c.event.reason or "",
        decided_at=timestamp(c.event.occurred_at),
        province_decision_id=c.province_decision_id,
    )


def step_overdue(c: EventContext) -> Message:
    target = None
    if c.spec is not None:
        target = supervisor(c.spec.party_path, len(earlier_escalations(c)))
    return pb.TransferStepOverdue(
        **_common(c),
        step=_step(c),
        assignee=_assignee(c),
        deadline=_deadline(c),
        escalated_to=unit_ref(c, target) if target else None,
    )


def escalated(c: EventContext) -> Message:
    earlier = earlier_escalations(c)
    source = earlier[-1] if earlier else (c.spec.party_unit if c.spec else "")
    return pb.TransferEscalated(
        **_common(c),
        step=_step(c),
        escalated_from=unit_ref(c, source) if source else None,
        escalated_to=unit_ref(c, c.event.escalated_to) if c.event.escalated_to else None,
        escalation_level=len(earlier) + 1,
        deadline=_deadline(c),
    )


def deadline_recomputed(c: EventContext) -> Message:
    return pb.TransferDeadlineRecomputed(
        **_common(c), step=_step(c), assignee=_assignee(c), deadline=_deadline(c)
    )


def refused(c: EventContext) -> Message:
    return pb.TransferRefused(
        **_common(c), step=_step(c), actor=actor_message(c.event.actor), reason=c.event.reason or ""
    )


def withdrawn(c: EventContext) -> Message:
    return pb.TransferWithdrawn(
        **_common(c),
        actor=actor_message(c.event.actor),
        reason=c.event.reason or "",
        open_step=STEP_ENUM.get(c.transfer["current_step"] or "", 0),
    )


def approved(c: EventContext) -> Message:
    approvals = [
        StepApproval(
            step=STEP_ENUM.get(row["step"] or "", 0),
            actor=actor_message(row["actor"]),
            decided_at=timestamp(row["occurred_at"]),
        )
        for row in c.history
        if row["type"] == "transfer.step_decided" and row["decision"] == APPROVE
    ]
    return pb.TransferApproved(**_common(c), approvals=approvals)


def arrival_reported(c: EventContext) -> Message:
    return pb.TransferArrivalReported(
        **_common(c), actor=actor_message(c.event.actor), reported_at=timestamp(c.event.occurred_at)
    )


def record_moved(c: EventContext) -> Message:
    reporter = next(
        (row["actor"] for row in reversed(c.history) if row["type"] == "transfer.arrival_reported"),
        None,
    )
    moved_at = c.event.details.get("moved_at")
    return pb.TransferRecordMoved(
        **_common(c),
        actor=actor_message(reporter),
        moved_at=timestamp(datetime.fromisoformat(moved_at) if moved_at else c.event.occurred_at),
        pupil_record_version=int(c.event.details.get("record_version") or 0),
    )


def sending_school_notified(c: EventContext) -> Message:
    return pb.TransferSendingSchoolNotified(
        **_common(c),
        notified=unit_ref(c, c.transfer["sending_school_code"]),
        notified_at=timestamp(c.event.occurred_at),
    )


def paper_file_sent(c: EventContext) -> Message:
    return pb.TransferPaperFileSent(
        **_common(c),
        actor=actor_message(c.event.actor),
        method=c.event.details.get("method", ""),
        tracking_number=c.event.details.get("tracking", ""),
        sent_at=timestamp(c.event.occurred_at),
    )


def paper_file_received(c: EventContext) -> Message:
    return pb.TransferPaperFileReceived(
        **_common(c), actor=actor_message(c.event.actor), received_at=timestamp(c.event.occurred_at)
    )


def completed(c: EventContext) -> Message:
    return pb.TransferCompleted(**_common(c), completed_at=timestamp(c.event.occurred_at))


def failed(c: EventContext) -> Message:
    return pb.TransferFailed(
        **_common(c),
        code=c.event.details.get("code", ""),
        message=c.event.details.get("message", ""),
        failed_at=timestamp(c.event.occurred_at),
    )


BUILDERS: dict[str, Callable[[EventContext], Message]] = {
    f"transfer.{builder.__name__}": builder
    for builder in (
        filed, step_opened, step_decided, step_overdue, escalated, deadline_recomputed, refused,
        withdrawn, approved, arrival_reported, record_moved, sending_school_notified,
        paper_file_sent, paper_file_received, completed, failed,
    )
}  # fmt: skip


def transfer_message(context: EventContext) -> Message:
    return BUILDERS[context.event.type](context)
