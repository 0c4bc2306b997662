"""Activities a transfer calls besides the shared calendar and case-lock ones.

The transfer service implements `transfer.record_event` (writes the timeline row and the
outbox rows in one transaction, deduplicated by `event_id`; publishes on
`xueji.province.<code>.outbound.v1` for each code in `outbound_provinces`); the registry
implements `registry.move_pupil`, idempotent by `transfer_id`, raising
`ApplicationError(type=<code>, non_retryable=True)` for business refusals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from xueji_workflows.actors import Actor

RECORD_EVENT = "transfer.record_event"
# The events of one workflow task, in order, in one transaction (since `local-activities`).
RECORD_EVENTS = "transfer.record_events"
MOVE_PUPIL = "registry.move_pupil"

EVENT_TYPES = (
    "transfer.filed",
    "transfer.step_opened",
    "transfer.step_decided",
    "transfer.step_overdue",
    "transfer.escalated",
    "transfer.deadline_recomputed",
    "transfer.refused",
    "transfer.withdrawn",
    "transfer.approved",
    "transfer.arrival_reported",
    "transfer.record_moved",
    "transfer.sending_school_notified",
    "transfer.paper_file_sent",
    "transfer.paper_file_received",
    "transfer.completed",
    "transfer.failed",
)


@dataclass(frozen=True)
class TransferEvent:
    transfer_id: str
    event_id: str
    type: str
    pupil_number: str
    occurred_at: datetime
    step: str | None = None
    actor: Actor | None = None
    decision: str | None = None
    reason: str | None = None
    deadline: datetime | None = None
    provisional: bool = False
    escalated_to: str | None = None
    outbound_provinces: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MovePupilInput:
    transfer_id: str
    pupil_number: str
    from_school: str
    to_school: str
    target_grade: str
    target_class: str | None = None


@dataclass(frozen=True)
class MovePupilResult:
    moved_at: datetime
    # The pupil record's version after the move; the default keeps recorded histories, whose
    # results lack it, replayable.
    record_version: int = 0
