"""A transfer's steps for the API: from the workflow's `timeline` query while it is queryable,
else folded from the events the service recorded (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from xueji_transfer.transfers.facts import actor_from_json, step_spec, transfer_input
from xueji_transfer.transfers.schemas import ActorRead, StepRead
from xueji_workflows import transfer as tf
from xueji_workflows.actors import Actor
from xueji_workflows.approval import WITHDRAW, CaseTimeline, StepRecord

_DECIDED = frozenset(
    {
        "transfer.step_decided",
        "transfer.arrival_reported",
        "transfer.paper_file_sent",
        "transfer.paper_file_received",
    }
)


def actor_read(actor: Actor | None) -> ActorRead | None:
    if actor is None:
        return None
    return ActorRead(
        account_id=actor.account_id, name=actor.name, role=actor.role, unit_code=actor.unit_code
    )


def step_read(record: StepRecord) -> StepRead:
    return StepRead(
        step=record.step,
        party_unit=record.party_unit,
        party_roles=list(record.party_roles),
        docking_province=record.docking_province,
        opened_at=record.opened_at,
        deadline=record.deadline,
        provisional=record.provisional,
        overdue=record.overdue,
        escalated_to=list(record.escalated_to),
        decision=record.decision,
        decided_by=actor_read(record.decided_by),
        reason=record.reason,
        decided_at=record.decided_at,
        details=dict(record.details),
    )


def from_workflow(timeline: CaseTimeline) -> list[StepRead]:
    return [step_read(record) for record in timeline.steps]


def _opened(transfer: Mapping[str, Any], row: Mapping[str, Any]) -> StepRecord:
    spec = step_spec(transfer_input(transfer), row["step"])
    return StepRecord(
        step=row["step"],
        party_unit=spec.party_unit if spec else "",
        party_roles=list(spec.roles) if spec else [],
        opened_at=row["occurred_at"],
        docking_province=spec.docking_province if spec else None,
        deadline=row["deadline"],
        provisional=row["provisional"],
    )


def from_events(transfer: Mapping[str, Any], rows: Iterable[Mapping[str, Any]]) -> list[StepRead]:
    """The steps as the recorded events tell them, oldest first."""
    records: list[StepRecord] = []
    open_steps: dict[str, StepRecord] = {}
    for row in rows:
        kind, step = row["type"], row["step"]
        if kind == "transfer.step_opened" and step:
            open_steps[step] = _opened(transfer, row)
            records.append(open_steps[step])
        elif kind == "transfer.withdrawn":
            records.append(
                StepRecord(
                    step=tf.WITHDRAWAL,
                    party_unit=transfer["receiving_school_code"],
                    party_roles=[],
                    opened_at=row["occurred_at"],
                    decision=WITHDRAW,
                    decided_by=actor_from_json(row["actor"]),
                    reason=row["reason"],
                    decided_at=row["occurred_at"],
                )
            )
        elif step in open_steps:
            _apply(open_steps[step], row)
    return [step_read(record) for record in records]


def _apply(record: StepRecord, row: Mapping[str, Any]) -> None:
    kind = row["type"]
    if kind == "transfer.step_overdue":
        record.overdue = True
    elif kind in ("transfer.escalated", "transfer.deadline_recomputed"):
        record.deadline, record.provisional = row["deadline"], row["provisional"]
        if row["escalated_to"]:
            record.escalated_to.append(row["escalated_to"])
    elif kind in _DECIDED:
        record.decision = row["decision"]
        record.decided_by = actor_from_json(row["actor"])
        record.reason = row["reason"]
        record.decided_at = row["occurred_at"]
        record.details = dict(row["details"] or {})
