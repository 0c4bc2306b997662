"""The export application workflow (SPEC §7). Deterministic code only.

filed → approval (working-day deadline, escalation to the supervising authority) → refused,
or approved → [backend: execution by a database administrator] → generating → ready → at the
end of the period of use, expired with the file deleted. The period of use is a durable timer
started with the case: an application still in review, or approved and never executed, when
the period ends expires too. Running logic changes go through `workflow.patched` exactly as
described in `xueji_workflows.transfer.workflows`.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow

from xueji_workflows import search_attributes as sa
from xueji_workflows.approval import (
    APPROVE,
    REFUSE,
    CaseOutcome,
    StepDecision,
)
from xueji_workflows.approval.authority import check_reason
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases import CaseIdentity
from xueji_workflows.cases.case import Case
from xueji_workflows.cases.handlers import CaseWorkflow
from xueji_workflows.errors import (
    DECISION_ID_REQUIRED,
    EXPORT_APPLICATION_FINISHED,
    INVALID_CASE_INPUT,
    INVALID_DECISION,
    STEP_NOT_ACTIVE,
    rejection,
)
from xueji_workflows.export_approval import (
    APPROVAL,
    APPROVED,
    BACKEND,
    CASE_KIND,
    EXECUTE,
    EXECUTION,
    EXPIRED,
    EXPIRING,
    EXPIRY,
    FINISHED_STATES,
    GENERATING,
    GENERATION,
    IN_REVIEW,
    PAGE,
    READY,
    REFUSED,
    ExportApprovalInput,
    expiry_instant,
)
from xueji_workflows.export_approval.files import expire_application, generate_file
from xueji_workflows.export_approval.steps import (
    approval_step,
    approver_path,
    check_approver,
    check_executor,
    execution_step,
)

with workflow.unsafe.imports_passed_through():
    from xueji_workflows.export_approval.activities import EXPORT_APPROVAL_EVENTS


def identity_attributes(application: ExportApprovalInput) -> list[sa.SearchAttributeUpdate]:
    return [
        sa.CASE_KIND.value_set(CASE_KIND),
        sa.CURRENT_STEP.value_set(IN_REVIEW),
        sa.OVERDUE.value_set(False),
    ]


@workflow.defn
class ExportApprovalWorkflow(CaseWorkflow):
    @workflow.init
    def __init__(self, application: ExportApprovalInput) -> None:
        self._application = application
        identity = CaseIdentity(application.application_id, CASE_KIND, "")
        self._case = Case(
            identity,
            EXPORT_APPROVAL_EVENTS,
            [],
            calendar_queue=application.calendar_queue,
            holds_pupil=False,
        )
        self._period_over = False
        self._period: asyncio.Task[None] | None = None

    @workflow.run
    async def run(self, application: ExportApprovalInput) -> CaseOutcome:
        case = self._case
        sa.set_unless_started_with(identity_attributes(application))
        if application.method not in (PAGE, BACKEND) or not approver_path(application):
            await case.fail(rejection(INVALID_CASE_INPUT, application.method), claimed=False)
        # The period of use bounds every wait below: nothing outlives it.
        self._period = asyncio.create_task(self._period_of_use(application))
        case.state = IN_REVIEW
        await case.events.case("filed", StepFields(actor=application.applicant))
        decided = await case.desk.run(approval_step(application), stop_when=self._over)
        if decided is not None and decided.decision == REFUSE:
            return await case.close(REFUSED, decided)
        if decided is not None:
            case.state = APPROVED
            if application.method == BACKEND:
                executed = await case.desk.run(execution_step(application), stop_when=self._over)
                decided = executed
        if decided is not None and not self._period_over:
            await case.carry_out(
                GENERATING, GENERATION, lambda: generate_file(application.application_id)
            )
            case.state = READY
            await case.events.case("ready")
            await case.events.flush()
            await workflow.wait_condition(self._over)
        await case.carry_out(
            EXPIRING, EXPIRY, lambda: expire_application(application.application_id)
        )
        return await case.close(EXPIRED, None)

    async def _period_of_use(self, application: ExportApprovalInput) -> None:
        left = expiry_instant(application) - workflow.now()
        if left > timedelta(0):
            await workflow.sleep(left, summary="use_until")
        self._period_over = True

    def _over(self) -> bool:
        return self._period_over

    def check_decision(self, request: StepDecision) -> None:
        case, application = self._case, self._application
        desk = case.desk
        if desk.receipt(request.decision_id) is not None:
            return
        if case.state in FINISHED_STATES or case.state in (EXPIRING, EXPIRED):
            raise rejection(EXPORT_APPLICATION_FINISHED, case.state)
        spec, record = desk.active_spec(), desk.active_record()
        if spec is None or record is None or (request.step and request.step != spec.name):
            raise rejection(STEP_NOT_ACTIVE, request.step)
        if spec.name == APPROVAL:
            if request.decision not in (APPROVE, REFUSE):
                raise rejection(INVALID_DECISION, request.decision)
            check_approver(application, request.actor)
            desk.check(
                request.decision_id, request.step, request.actor, request.decision, request.reason
            )
            return
        # The execution step: the desk's party check knows one unit; the executor may be of
        # the units above the applicant's too (`steps`).
        if not request.decision_id.strip():
            raise rejection(DECISION_ID_REQUIRED)
        if spec.name != EXECUTION or request.decision != EXECUTE:
            raise rejection(INVALID_DECISION, request.decision)
        check_executor(application, request.actor)
        check_reason(request.decision, request.reason)
