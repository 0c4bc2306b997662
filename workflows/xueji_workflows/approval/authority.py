"""Whether a request may decide the active step; safe to call from update validators."""

from __future__ import annotations

from xueji_workflows.actors import PROVINCE_SYSTEM, Actor
from xueji_workflows.approval import NEEDS_REASON, StepRecord, StepSpec
from xueji_workflows.errors import (
    DECISION_ID_REQUIRED,
    INVALID_DECISION,
    NOT_YOUR_STEP,
    REASON_REQUIRED,
    ROLE_NOT_ALLOWED,
    STEP_NOT_ACTIVE,
    rejection,
)


def check_party(spec: StepSpec, actor: Actor, roles: tuple[str, ...] | None = None) -> None:
    """Only the step's own party acts: its unit and role, or its docking province's system."""
    if spec.docking_province is not None:
        if actor.role != PROVINCE_SYSTEM or actor.unit_code != spec.docking_province:
            raise rejection(NOT_YOUR_STEP, f"{spec.name} 由省级系统 {spec.docking_province} 办理")
        return
    if actor.unit_code != spec.party_unit:
        raise rejection(NOT_YOUR_STEP, f"{spec.name} 由 {spec.party_unit} 办理")
    if actor.role not in (roles or spec.roles):
        raise rejection(ROLE_NOT_ALLOWED, actor.role)


def check_reason(decision: str, reason: str | None) -> None:
    if decision in NEEDS_REASON and not (reason or "").strip():
        raise rejection(REASON_REQUIRED)


def check_decision(
    spec: StepSpec | None,
    record: StepRecord | None,
    *,
    decision_id: str,
    step: str | None,
    actor: Actor,
    decision: str,
    reason: str | None,
) -> None:
    """Raise the first reason this decision cannot be taken on the active step."""
    if not decision_id.strip():
        raise rejection(DECISION_ID_REQUIRED)
    if spec is None or record is None or record.decision is not None:
        raise rejection(STEP_NOT_ACTIVE, step)
    if step is not None and step != record.step:
        raise rejection(STEP_NOT_ACTIVE, f"{step}（当前步骤：{record.step}）")
    check_party(spec, actor)
    if decision not in spec.decisions:
        raise rejection(INVALID_DECISION, decision)
    check_reason(decision, reason)
