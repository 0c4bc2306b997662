"""Where a transfer stands after one more of its events: pure, applied by `record_event`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from xueji_workflows import transfer as tf
from xueji_workflows.approval import StepSpec
from xueji_workflows.cases.event import CaseEvent

# The state a transfer waits in while each step is open.
_STATE_OF_STEP = {
    tf.REPORT_ARRIVAL: tf.AWAITING_ARRIVAL,
    tf.PAPER_FILE_SENT: tf.AWAITING_PAPER_FILE,
    tf.PAPER_FILE_RECEIVED: tf.AWAITING_PAPER_RECEIPT,
}
# Events that end the transfer, and the state they leave it in.
_CLOSING = {
    "transfer.refused": tf.REFUSED,
    "transfer.withdrawn": tf.WITHDRAWN,
    "transfer.completed": tf.COMPLETED,
    "transfer.failed": tf.FAILED,
}
_DECIDED = frozenset(
    {
        "transfer.step_decided",
        "transfer.arrival_reported",
        "transfer.paper_file_sent",
        "transfer.paper_file_received",
    }
)


@dataclass(frozen=True)
class Progress:
    state: str
    current_step: str | None = None
    party_unit: str | None = None
    party_roles: list[str] = field(default_factory=list)
    docking_province: str | None = None
    deadline: datetime | None = None
    provisional: bool = False
    overdue: bool = False
    escalated_to: str | None = None
    failure_code: str | None = None


def _no_open_step(progress: Progress, state: str) -> Progress:
    return Progress(state=state, failure_code=progress.failure_code)


def advance(progress: Progress, event: CaseEvent, spec: StepSpec | None) -> Progress:
    """`progress` after `event`; `spec` is the route's description of the event's step."""
    kind = event.type
    if kind in _CLOSING:
        closed = _no_open_step(progress, _CLOSING[kind])
        if kind == "transfer.failed":
            return replace(closed, failure_code=event.details.get("code") or None)
        return closed
    if kind == "transfer.filed":
        return replace(progress, state=tf.IN_REVIEW)
    if kind == "transfer.step_opened":
        return Progress(
            state=_STATE_OF_STEP.get(event.step or "", tf.IN_REVIEW),
            current_step=event.step,
            party_unit=spec.party_unit if spec else None,
            party_roles=list(spec.roles) if spec else [],
            docking_province=spec.docking_province if spec else None,
            deadline=event.deadline,
            provisional=event.provisional,
        )
    if kind == "transfer.step_overdue":
        return replace(progress, overdue=True, deadline=event.deadline)
    if kind in ("transfer.escalated", "transfer.deadline_recomputed"):
        escalated = event.escalated_to or progress.escalated_to
        return replace(
            progress, deadline=event.deadline, provisional=event.provisional, escalated_to=escalated
        )
    if kind in _DECIDED:
        state = tf.MOVING if kind == "transfer.arrival_reported" else progress.state
        return _no_open_step(progress, state)
    if kind == "transfer.approved":
        return _no_open_step(progress, tf.AWAITING_ARRIVAL)
    # record_moved and sending_school_notified report progress the next step shows.
    return progress
