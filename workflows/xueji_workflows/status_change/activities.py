"""Activities a status change calls besides the shared calendar, case-lock and event ones.

The registry records the events (`status_change.record_event(s)`, see `cases.event`) and
serves `registry.apply_status_change`, which writes the change to the record (and emits
pupil.status_changed), idempotent by `case_id`, raising
`ApplicationError(type=<code>, non_retryable=True)` for business refusals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from xueji_workflows.cases.event import EventFamily
from xueji_workflows.national_number import NationalNumbered

RECORD_EVENT = "status_change.record_event"
# The events of one workflow task, in order, in one transaction (since `local-activities`).
RECORD_EVENTS = "status_change.record_events"
STATUS_CHANGE_EVENTS = EventFamily("status_change", RECORD_EVENT, RECORD_EVENTS)
APPLY_STATUS_CHANGE = "registry.apply_status_change"


@dataclass(frozen=True)
class ApplyStatusChangeInput(NationalNumbered):
    """The approved change; the registry writes what the case it filed holds for `case_id`."""

    case_id: str
    change_type: str
    school_code: str
    # ISO date (YYYY-MM-DD); the default data converter carries no `date` values.
    effective_on: str | None = None


@dataclass(frozen=True)
class ApplyStatusChangeResult:
    applied_at: datetime
