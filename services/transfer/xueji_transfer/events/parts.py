"""Pieces every transfer event message shares: parties, units, steps, deadlines, actors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.common.v1.actor_pb2 import Actor as ActorMessage
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.common.v1.review_pb2 import Deadline, Decision
from xueji.transfer.v1.transfer_pb2 import TransferParties, TransferStep
from xueji_transfer.transfers.progress import Progress
from xueji_workflows import transfer as tf
from xueji_workflows.actors import Actor
from xueji_workflows.approval import APPROVE, REFUSE, StepSpec
from xueji_workflows.cases.event import CaseEvent

NATION = "CN"
_KIND_BY_LENGTH = {
    2: OrgKind.ORG_KIND_PROVINCE,
    4: OrgKind.ORG_KIND_CITY,
    6: OrgKind.ORG_KIND_COUNTY,
    10: OrgKind.ORG_KIND_SCHOOL,
}
STEP_ENUM = {
    tf.RECEIVING_SCHOOL: TransferStep.TRANSFER_STEP_RECEIVING_SCHOOL_REVIEW,
    tf.RECEIVING_BUREAU: TransferStep.TRANSFER_STEP_RECEIVING_BUREAU_REVIEW,
    tf.SENDING_SCHOOL: TransferStep.TRANSFER_STEP_SENDING_SCHOOL_REVIEW,
    tf.SENDING_BUREAU: TransferStep.TRANSFER_STEP_SENDING_BUREAU_REVIEW,
    tf.COMMON_BUREAU: TransferStep.TRANSFER_STEP_COMMON_BUREAU_REVIEW,
    tf.REPORT_ARRIVAL: TransferStep.TRANSFER_STEP_ADMISSION,
    tf.RECORD_MOVE: TransferStep.TRANSFER_STEP_ADMISSION,
    tf.PAPER_FILE_SENT: TransferStep.TRANSFER_STEP_PAPER_FILE_DISPATCH,
    tf.PAPER_FILE_RECEIVED: TransferStep.TRANSFER_STEP_PAPER_FILE_RECEIPT,
}
DECISION_ENUM = {APPROVE: Decision.DECISION_APPROVE, REFUSE: Decision.DECISION_REFUSE}


@dataclass(frozen=True)
class EventContext:
    """One event to publish, with what the service knows around it."""

    event: CaseEvent
    transfer: Mapping[str, Any]  # the transfers row before the event
    progress: Progress  # where the transfer stands after it
    spec: StepSpec | None  # the route's description of the event's step
    history: Sequence[Mapping[str, Any]]  # earlier timeline rows, oldest first
    unit_names: Mapping[str, str] = field(default_factory=dict)
    province_decision_id: str = ""


def rooted(path: Sequence[str]) -> list[str]:
    """A unit path starting at the nation, as OrgRef paths are written."""
    return list(path) if path and path[0] == NATION else [NATION, *path]


def org_ref(code: str, paths: Sequence[Sequence[str]], names: Mapping[str, str]) -> OrgRef:
    """A unit of one of the transfer's schools' paths (the schools themselves or above)."""
    ancestors: list[str] = []
    for path in paths:
        full = rooted(path)
        if code in full:
            ancestors = full[: full.index(code)]
            break
    kind = OrgKind.ORG_KIND_NATION if code == NATION else _KIND_BY_LENGTH.get(len(code), 0)
    return OrgRef(code=code, kind=kind, name=names.get(code, code), path=ancestors)


def school_paths(transfer: Mapping[str, Any]) -> list[list[str]]:
    return [list(transfer["receiving_path"]), list(transfer["sending_path"])]


def unit_ref(context: EventContext, code: str) -> OrgRef:
    return org_ref(code, school_paths(context.transfer), context.unit_names)


def pupil_id(transfer: Mapping[str, Any]) -> str:
    """The registry's id of the pupil (PupilRecord.pupil_id), kept at filing; empty if not."""
    found = transfer.get("pupil_id")
    return str(found) if found else ""


def parties(context: EventContext) -> TransferParties:
    t = context.transfer
    return TransferParties(
        pupil_id=pupil_id(t),
        pupil_national_number=t["pupil_number"],
        pupil_name=t["pupil_name"],
        sending_school=unit_ref(context, t["sending_school_code"]),
        receiving_school=unit_ref(context, t["receiving_school_code"]),
    )


def timestamp(moment: datetime | None) -> Timestamp | None:
    if moment is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def deadline(due_at: datetime | None, provisional: bool, working_days: int) -> Deadline | None:
    if due_at is None:
        return None
    return Deadline(due_at=timestamp(due_at), provisional=provisional, working_days=working_days)


def actor_message(actor: Actor | Mapping[str, Any] | None) -> ActorMessage | None:
    if actor is None:
        return None
    if isinstance(actor, Actor):
        return ActorMessage(
            account_id=actor.account_id, name=actor.name, role=actor.role, unit_code=actor.unit_code
        )
    return ActorMessage(
        account_id=str(actor.get("account_id", "")),
        name=str(actor.get("name", "")),
        role=str(actor.get("role", "")),
        unit_code=str(actor.get("unit_code", "")),
    )


def step_working_days(context: EventContext) -> int:
    """The allowance the event's deadline counts: the step's own, or a bureau's once escalated."""
    spec = context.spec
    if spec is None or spec.deadline is None:
        return 0
    if context.event.type == "transfer.escalated" or context.progress.escalated_to:
        return spec.escalation_working_days
    return spec.deadline.working_days


def earlier_escalations(context: EventContext) -> list[str]:
    step = context.event.step
    return [
        row["escalated_to"]
        for row in context.history
        if row["type"] == "transfer.escalated" and row["step"] == step and row["escalated_to"]
    ]
