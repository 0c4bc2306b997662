"""The status-change workflow (SPEC §4). Deterministic code only.

Running logic changes go through `workflow.patched` exactly as described in
`xueji_workflows.transfer.workflows`.
"""

from __future__ import annotations

from temporalio import workflow

from xueji_workflows import search_attributes as sa
from xueji_workflows.approval import (
    APPROVE,
    REFUSE,
    CaseOutcome,
    StepDecision,
)
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases import CaseIdentity
from xueji_workflows.cases.case import Case
from xueji_workflows.cases.handlers import CaseWorkflow
from xueji_workflows.errors import (
    INVALID_CASE_INPUT,
    INVALID_DECISION,
    STATUS_CHANGE_FINISHED,
    rejection,
)
from xueji_workflows.status_change import (
    APPLY_CHANGE,
    APPLYING,
    CHANGE_TYPES,
    COMPLETED,
    FINISHED_STATES,
    REFUSED,
    StatusChangeInput,
)
from xueji_workflows.status_change.identity import identity_attributes
from xueji_workflows.status_change.review import apply_change, bureau_step, docking_provinces
from xueji_workflows.units import well_formed

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.status_change.activities import STATUS_CHANGE_EVENTS


@workflow.defn
class StatusChangeWorkflow(CaseWorkflow):
    @workflow.init
    def __init__(self, change: StatusChangeInput) -> None:
        identity = CaseIdentity(change.case_id, change.change_type, change.national_number)
        audience = docking_provinces(change)
        self._case = Case(
            identity, STATUS_CHANGE_EVENTS, audience, calendar_queue=change.calendar_queue
        )

    @workflow.run
    async def run(self, change: StatusChangeInput) -> CaseOutcome:
        case = self._case
        sa.set_unless_started_with(identity_attributes(change))
        if change.change_type not in CHANGE_TYPES or not well_formed(change.school):
            await case.fail(rejection(INVALID_CASE_INPUT, change.change_type), claimed=False)
        await case.file(change.filed_by, change.reason)
        record = await case.desk.run(bureau_step(change), stop_when=lambda: False)
        if record is None or record.decision == REFUSE:
            return await case.close(REFUSED, record)
        applied = await case.carry_out(APPLYING, APPLY_CHANGE, lambda: apply_change(change))
        await case.events.case(
            "applied", StepFields(details={"applied_at": applied.applied_at.isoformat()})
        )
        return await case.close(COMPLETED, record)

    def check_decision(self, request: StepDecision) -> None:
        desk, state = self._case.desk, self._case.state
        if desk.receipt(request.decision_id) is not None:
            return
        if state in FINISHED_STATES:
            raise rejection(STATUS_CHANGE_FINISHED, state)
        if request.decision not in (APPROVE, REFUSE):
            raise rejection(INVALID_DECISION, request.decision)
        desk.check(
            request.decision_id, request.step, request.actor, request.decision, request.reason
        )
