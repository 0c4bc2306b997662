"""The approval desk: runs a case's steps one at a time (workflow code, deterministic)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from temporalio import workflow
from temporalio.common import RetryPolicy
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes
from xueji_workflows.actors import Actor
from xueji_workflows.approval import (
    CaseTimeline,
    DecisionReceipt,
    StepEvent,
    StepRecord,
    StepSpec,
)
from xueji_workflows.approval.authority import check_decision
from xueji_workflows.errors import STEP_NOT_ACTIVE, rejection
from xueji_workflows.placement import run_activity
from xueji_workflows.units import supervisor

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.approval.activities import (
        BUREAU,
        COMPUTE_DEADLINE,
        DeadlineRequest,
        DeadlineResult,
    )


class StepEvents(Protocol):
    """A case family's event log, as the desk reports to it."""

    async def step(self, event: StepEvent) -> None: ...

    async def flush(self) -> None:
        """Record what was reported so far; the desk calls it before it waits."""


DEADLINE_TIMEOUT = timedelta(seconds=30)
DEADLINE_RETRY = RetryPolicy(maximum_interval=timedelta(minutes=1))
# The deadline is 23:59:59 inclusive: the step is late once that second is over.
GRACE = timedelta(seconds=1)


@dataclass
class _ActiveStep:
    spec: StepSpec
    record: StepRecord
    basis: DeadlineRequest | None = None


class ApprovalDesk:
    def __init__(self, events: StepEvents, calendar_queue: str | None = None) -> None:
        """`calendar_queue`: where the deadline activity runs when the family's own worker
        does not serve the calendar; None runs it on that worker."""
        self.steps: list[StepRecord] = []
        self._events = events
        self._calendar_queue = calendar_queue
        self._active: _ActiveStep | None = None
        self._receipts: dict[str, DecisionReceipt] = {}
        self._published_years: list[int] = []

    def active_record(self) -> StepRecord | None:
        """The step waiting for a decision, if any."""
        if self._active is None or self._active.record.decision is not None:
            return None
        return self._active.record

    def active_spec(self) -> StepSpec | None:
        return self._active.spec if self.active_record() is not None else None

    def timeline(
        self,
        case_id: str,
        kind: str,
        national_number: str,
        state: str,
        failure: ApplicationError | None,
    ) -> CaseTimeline:
        active = self.active_record()
        return CaseTimeline(
            case_id=case_id,
            kind=kind,
            national_number=national_number,
            state=state,
            current_step=active.step if active else None,
            steps=list(self.steps),
            failure_code=failure.type if failure else None,
            failure_message=failure.message if failure else None,
        )

    def receipt(self, decision_id: str) -> DecisionReceipt | None:
        return self._receipts.get(decision_id)

    def remember(self, receipt: DecisionReceipt) -> None:
        """Keep a receipt of a decision the family handled itself (e.g. a withdrawal)."""
        self._receipts[receipt.decision_id] = receipt

    def check(
        self, decision_id: str, step: str | None, actor: Actor, decision: str, reason: str | None
    ) -> None:
        check_decision(
            self.active_spec(),
            self.active_record(),
            decision_id=decision_id,
            step=step,
            actor=actor,
            decision=decision,
            reason=reason,
        )

    def accept(
        self,
        decision_id: str,
        actor: Actor,
        decision: str,
        reason: str | None,
        details: dict[str, str] | None = None,
    ) -> DecisionReceipt:
        known = self._receipts.get(decision_id)
        if known is not None:
            return known
        record = self.active_record()
        if record is None:
            raise rejection(STEP_NOT_ACTIVE)
        record.decision = decision
        record.decided_by = actor
        record.reason = (reason or "").strip() or None
        record.decided_at = workflow.now()
        record.decision_id = decision_id
        record.details = dict(details or {})
        receipt = DecisionReceipt(decision_id, record.step, decision, record.decided_at)
        self._receipts[decision_id] = receipt
        return receipt

    def calendar_published(self, year: int) -> None:
        self._published_years.append(year)

    async def run(self, spec: StepSpec, *, stop_when: Callable[[], bool]) -> StepRecord | None:
        """Open the step and wait for its decision; None if `stop_when` ended the wait first."""
        if stop_when():
            return None
        record = StepRecord(
            step=spec.name,
            party_unit=spec.party_unit,
            party_roles=list(spec.roles),
            opened_at=workflow.now(),
            docking_province=spec.docking_province,
        )
        self.steps.append(record)
        active = self._active = _ActiveStep(spec, record)
        self._published_years.clear()
        workflow.upsert_search_attributes(
            [
                search_attributes.CURRENT_STEP.value_set(spec.name),
                search_attributes.OVERDUE.value_set(False),
            ]
        )
        if spec.deadline is not None:
            request = DeadlineRequest(
                record.opened_at, spec.deadline.kind, spec.deadline.working_days
            )
            await self._apply_deadline(active, request)
        await self._events.step(StepEvent("step_opened", record))
        while record.decision is None:
            if stop_when():
                self._active = None
                return None
            await self._wait(active, stop_when)
        self._active = None
        await self._events.step(StepEvent(spec.decided_event, record))
        return record

    async def _wait(self, active: _ActiveStep, stop_when: Callable[[], bool]) -> None:
        await self._events.flush()
        record = active.record
        if self._published_years:
            await self._recompute(active)
            return

        def woken() -> bool:
            return record.decision is not None or stop_when() or bool(self._published_years)

        if record.deadline is None:
            await workflow.wait_condition(woken)
            return
        left = record.deadline + GRACE - workflow.now()
        if left > timedelta(0):
            try:
                await workflow.wait_condition(woken, timeout=left, timeout_summary="deadline")
                return
            except TimeoutError:
                pass
        await self._escalate(active)

    async def _escalate(self, active: _ActiveStep) -> None:
        record = active.record
        record.overdue = True
        workflow.upsert_search_attributes([search_attributes.OVERDUE.value_set(True)])
        await self._events.step(StepEvent("step_overdue", record))
        target = supervisor(active.spec.party_path, len(record.escalated_to))
        record.escalated_to.append(target)
        request = DeadlineRequest(workflow.now(), BUREAU, active.spec.escalation_working_days)
        await self._apply_deadline(active, request)
        await self._events.step(StepEvent("escalated", record, escalated_to=target))

    async def _recompute(self, active: _ActiveStep) -> None:
        years, self._published_years = self._published_years, []
        record = active.record
        if not (record.provisional and record.deadline and active.basis):
            return
        deadline_year = record.deadline.year
        if not any(year <= deadline_year for year in years):
            return
        before = (record.deadline, record.provisional)
        await self._apply_deadline(active, active.basis)
        if (record.deadline, record.provisional) != before:
            await self._events.step(StepEvent("deadline_recomputed", record))

    async def _apply_deadline(self, active: _ActiveStep, request: DeadlineRequest) -> None:
        result = await run_activity(
            COMPUTE_DEADLINE,
            request,
            result_type=DeadlineResult,
            start_to_close=DEADLINE_TIMEOUT,
            retry=DEADLINE_RETRY,
            queue=self._calendar_queue,
        )
        active.basis = request
        active.record.deadline = result.due_at
        active.record.provisional = result.provisional
