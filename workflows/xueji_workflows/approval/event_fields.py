"""The fields every family's event carries about a step, taken from a StepEvent."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime

from xueji_workflows.actors import Actor
from xueji_workflows.approval import StepEvent

# Kinds that report on an open step; anything else reports its decision.
UNDECIDED_KINDS = frozenset({"step_opened", "step_overdue", "escalated", "deadline_recomputed"})


@dataclass(frozen=True)
class StepFields:
    step: str | None = None
    actor: Actor | None = None
    decision: str | None = None
    reason: str | None = None
    deadline: datetime | None = None
    provisional: bool = False
    escalated_to: str | None = None
    outbound_provinces: list[str] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)

    def as_kwargs(self) -> dict[str, object]:
        """Shallow, so nested dataclasses (the actor) stay dataclasses."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def step_fields(event: StepEvent) -> StepFields:
    record = event.record
    decided = event.kind not in UNDECIDED_KINDS
    return StepFields(
        step=record.step,
        actor=record.decided_by if decided else None,
        decision=record.decision if decided else None,
        reason=record.reason if decided else None,
        deadline=record.deadline,
        provisional=record.provisional,
        escalated_to=event.escalated_to,
        outbound_provinces=[record.docking_province] if record.docking_province else [],
        details=dict(record.details) if decided else {},
    )
