"""An application's timeline, folded from the events its workflow recorded (pure): every
step with its party, deadline, escalations and decision, and the events themselves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from xueji_export.approval.schemas import ActorRead, EventRead, StepRead
from xueji_workflows.actors import actor_from_json

Row = Mapping[str, Any]
_DECIDED = frozenset({"export_approval.decided", "export_approval.executed"})


def actor_read(data: Mapping[str, Any] | None) -> ActorRead | None:
    actor = actor_from_json(dict(data) if data else None)
    if actor is None:
        return None
    return ActorRead(
        account_id=actor.account_id, name=actor.name, role=actor.role, unit_code=actor.unit_code
    )


def event_read(row: Row) -> EventRead:
    return EventRead(
        type=row["type"].removeprefix("export_approval."),
        occurred_at=row["occurred_at"],
        step=row["step"],
        actor=actor_read(row["actor"]),
        decision=row["decision"],
        reason=row["reason"],
        deadline=row["deadline"],
        escalated_to=row["escalated_to"],
    )


def steps_of(rows: Iterable[Row], parties: Mapping[str, tuple[str, list[str]]]) -> list[StepRead]:
    """`parties`: each step's unit and roles, as the workflow's step specs name them."""
    steps: dict[str, StepRead] = {}
    for row in rows:
        kind, name = row["type"], row["step"]
        if kind == "export_approval.step_opened" and name:
            unit, roles = parties.get(name, (None, []))
            steps[name] = StepRead(
                step=name, party_unit=unit, party_roles=roles, opened_at=row["occurred_at"],
                deadline=row["deadline"], provisional=row["provisional"], overdue=False,
                escalated_to=[], decision=None, decided_by=None, reason=None, decided_at=None,
            )  # fmt: skip
            continue
        step = steps.get(name or "")
        if step is None:
            continue
        if kind == "export_approval.step_overdue":
            step.overdue = True
        elif kind in ("export_approval.escalated", "export_approval.deadline_recomputed"):
            step.deadline, step.provisional = row["deadline"], row["provisional"]
            if row["escalated_to"]:
                step.escalated_to.append(row["escalated_to"])
        elif kind in _DECIDED:
            step.decision = row["decision"]
            step.decided_by = actor_read(row["actor"])
            step.reason = row["reason"]
            step.decided_at = row["occurred_at"]
    return list(steps.values())
