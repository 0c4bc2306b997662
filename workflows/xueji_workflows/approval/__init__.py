"""Approval-step machinery shared by every case family (transfer, status change).

A step becomes active, gets a deadline from the calendar activity, waits for the decision of
its party, and on a missed deadline marks itself overdue and escalates up the hierarchy with
a fresh bureau deadline — it never decides by itself (SPEC §5). Escalation informs the
supervising authority (督办); the decision stays with the step's own party.

A family uses it through `approval.desk.ApprovalDesk`: build a `StepSpec` per step, `await
desk.run(spec, stop_when=...)` for each, forward decision updates to `desk.check` (in the
validator) and `desk.accept` (in the handler), the `calendar_published` signal to
`desk.calendar_published`, and answer the `timeline` query with `desk.timeline`. The desk
reports what happens as `StepEvent`s to the family's recorder, which turns them into the
family's event activity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from xueji_workflows.actors import Actor

APPROVE = "approve"
REFUSE = "refuse"
WITHDRAW = "withdraw"
# Decisions that must carry a reason.
NEEDS_REASON = frozenset({REFUSE, WITHDRAW})


@dataclass(frozen=True)
class DeadlineRule:
    kind: str  # a DeadlineKind value from approval.activities
    working_days: int


@dataclass(frozen=True)
class StepSpec:
    """How one step of a case runs: who acts, what they may decide, when it is due."""

    name: str
    party_unit: str
    party_path: tuple[str, ...]
    roles: tuple[str, ...]
    decisions: tuple[str, ...]
    deadline: DeadlineRule | None
    # Set when the party's province runs its own system and decides through events.
    docking_province: str | None = None
    escalation_working_days: int = 10
    # Event kind recorded when the step is decided (e.g. "paper_file_sent").
    decided_event: str = "step_decided"


@dataclass
class StepRecord:
    """One row of a case's timeline, as the `timeline` query returns it."""

    step: str
    party_unit: str
    party_roles: list[str]
    opened_at: datetime
    docking_province: str | None = None
    deadline: datetime | None = None
    provisional: bool = False
    overdue: bool = False
    escalated_to: list[str] = field(default_factory=list)
    decision: str | None = None
    decided_by: Actor | None = None
    reason: str | None = None
    decided_at: datetime | None = None
    decision_id: str | None = None
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StepDecision:
    """Approve or refuse the active step; `step`, when given, must name it (guards against
    deciding a step that has moved on). `decision_id` makes a repeated request harmless."""

    decision_id: str
    actor: Actor
    decision: str  # "approve" | "refuse"
    reason: str | None = None
    step: str | None = None
    # What the family keeps with the decision on its timeline record (e.g. the client
    # address an export decision came from, which its audit record names).
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StepEvent:
    """What the machinery asks its family to record as an event."""

    kind: str  # step_opened | step_overdue | escalated | deadline_recomputed | decided_event
    record: StepRecord
    escalated_to: str | None = None


@dataclass
class DecisionReceipt:
    """What an accepted decision update returns; a repeated decision id returns the same."""

    decision_id: str
    step: str
    decision: str
    decided_at: datetime


@dataclass
class CaseTimeline:
    case_id: str
    kind: str
    national_number: str
    state: str
    current_step: str | None
    steps: list[StepRecord]
    failure_code: str | None = None
    failure_message: str | None = None


@dataclass
class CaseOutcome:
    case_id: str
    state: str
    ended_at: datetime
    reason: str | None = None
