"""Activities a transfer calls besides the shared calendar, case-lock and event ones.

The transfer service records the events (`transfer.record_event(s)`, see `cases.event`: the
timeline row and the outbox rows in one transaction). The record move (调档) is served by the
transfer worker too: it asks the registry's platform API to move the record, idempotent by
`transfer_id`, raising `ApplicationError(type=<code>, non_retryable=True)` for the registry's
business refusals. Its activity type, `registry.move_pupil`, predates that design and stays
as recorded histories name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from xueji_workflows.cases.event import EventFamily
from xueji_workflows.national_number import NationalNumbered

RECORD_EVENT = "transfer.record_event"
# The events of one workflow task, in order, in one transaction (since `local-activities`).
RECORD_EVENTS = "transfer.record_events"
TRANSFER_EVENTS = EventFamily("transfer", RECORD_EVENT, RECORD_EVENTS)
# Served by the transfer worker, which asks the registry's platform API to move the record.
REQUEST_RECORD_MOVE = "registry.move_pupil"

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
class RecordMoveRequest(NationalNumbered):
    """The move the activity asks for (`POST /v1/platform/transfers/{transfer_id}/move`)."""

    transfer_id: str
    from_school: str
    to_school: str
    target_grade: str
    target_class: str | None = None


@dataclass(frozen=True)
class RecordMoveResult:
    moved_at: datetime
    # The pupil record's version after the move; the default keeps recorded histories, whose
    # results lack it, replayable.
    record_version: int = 0
