"""The event a case records through its service, the same for every family (payload types).

The family's service implements `<family>.record_event` and, since `local-activities`,
`<family>.record_events` (the events of one workflow task, in order, in one transaction),
deduplicated by `event_id`, publishing on `xueji.province.<code>.outbound.v1` for each code in
`outbound_provinces`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from temporalio.converter import value_to_type

from xueji_workflows.actors import actor_to_json
from xueji_workflows.approval.event_fields import StepFields


@dataclass(frozen=True)
class EventFamily:
    """How a family's events are named and recorded."""

    name: str  # the prefix of its event types: "transfer" -> "transfer.filed"
    record_event: str  # the activity recording one event
    record_events: str  # and a batch


@dataclass(frozen=True, kw_only=True)
class CaseEvent(StepFields):
    """What happened in a case: its identity and type, and the step's fields (flat)."""

    case_id: str
    event_id: str
    type: str  # "<family>.<kind>", e.g. "transfer.filed"
    national_number: str
    occurred_at: datetime


def timeline_values(event: CaseEvent) -> dict[str, Any]:
    """The columns every family's timeline table stores for an event (the services add the
    column naming their case)."""
    return {
        "event_id": event.event_id,
        "type": event.type,
        "step": event.step,
        "actor": actor_to_json(event.actor),
        "decision": event.decision,
        "reason": event.reason,
        "deadline": event.deadline,
        "provisional": event.provisional,
        "escalated_to": event.escalated_to,
        "details": dict(event.details),
        "occurred_at": event.occurred_at,
    }


# Events written before the families shared CaseEvent, by cases still running and by
# activities scheduled before the deploy, name the case `transfer_id` in a transfer's and the
# national number `pupil_number` in both; a status change's also carry `change_type`, which
# nothing reads. The default data converter refuses them as CaseEvents and, for a
# `RecordedEvent`, hands them over as plain mappings, which `case_events` reads.
EARLIER_NAMES = {"transfer_id": "case_id", "pupil_number": "national_number"}
RecordedEvent = CaseEvent | dict[str, Any]


def case_events(recorded: list[RecordedEvent]) -> list[CaseEvent]:
    """The events of a `record_event(s)` call as CaseEvents, whichever code wrote them."""
    return [event if isinstance(event, CaseEvent) else _earlier(event) for event in recorded]


def _earlier(event: dict[str, Any]) -> CaseEvent:
    renamed = {EARLIER_NAMES.get(key, key): value for key, value in event.items()}
    return value_to_type(CaseEvent, renamed)  # type: ignore[no-any-return]
