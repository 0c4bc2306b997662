"""Activities a status change calls besides the shared calendar and case-lock ones.

`status_change.record_event` is deduplicated by `event_id` like the transfer's;
`registry.apply_status_change` writes the change to the record (and emits
pupil.status_changed), idempotent by `case_id`, raising
`ApplicationError(type=<code>, non_retryable=True)` for business refusals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from xueji_workflows.actors import Actor

RECORD_EVENT = "status_change.record_event"
# The events of one workflow task, in order, in one transaction (since `local-activities`).
RECORD_EVENTS = "status_change.record_events"
APPLY_STATUS_CHANGE = "registry.apply_status_change"

EVENT_TYPES = (
    "status_change.filed",
    "status_change.step_opened",
    "status_change.step_decided",
    "status_change.step_overdue",
    "status_change.escalated",
    "status_change.deadline_recomputed",
    "status_change.applied",
    "status_change.refused",
    "status_change.completed",
    "status_change.failed",
)


@dataclass(frozen=True)
class StatusChangeEvent:
    case_id: str
    event_id: str
    type: str
    pupil_number: str
    change_type: str
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
class ApplyStatusChangeInput:
    case_id: str
    pupil_number: str
    change_type: str
    school_code: str
    # ISO date (YYYY-MM-DD); the default data converter carries no `date` values.
    effective_on: str | None = None


@dataclass(frozen=True)
class ApplyStatusChangeResult:
    applied_at: datetime
