"""How a case ends, the same for every family: release the pupil, say so, stop."""

from __future__ import annotations

from typing import NoReturn, Protocol

from temporalio import workflow
from temporalio.exceptions import ApplicationError

from xueji_workflows import search_attributes as sa
from xueji_workflows.approval import CaseOutcome, StepRecord
from xueji_workflows.approval.event_fields import StepFields
from xueji_workflows.cases.lock import release_case


class CaseEventLog(Protocol):
    async def case(self, kind: str, fields: StepFields | None = None) -> None: ...

    async def flush(self) -> None: ...


async def close_case(
    events: CaseEventLog, case_id: str, pupil_number: str, state: str, closing: StepRecord | None
) -> CaseOutcome:
    """End the case in `state` (completed, refused, withdrawn); `closing` is the record
    that ended it, whose actor and reason the event and the outcome carry."""
    workflow.upsert_search_attributes(
        [sa.CURRENT_STEP.value_set(state), sa.OVERDUE.value_set(False)]
    )
    await release_case(case_id, pupil_number)
    fields = StepFields()
    if closing is not None:
        fields = StepFields(step=closing.step, actor=closing.decided_by, reason=closing.reason)
    await events.case(state, fields)
    await events.flush()
    await workflow.wait_condition(workflow.all_handlers_finished)
    return CaseOutcome(case_id, state, workflow.now(), fields.reason)


async def fail_case(
    events: CaseEventLog,
    case_id: str,
    pupil_number: str,
    error: ApplicationError,
    *,
    claimed: bool,
) -> NoReturn:
    """End the case as failed with `error`, releasing the pupil if the case held them."""
    workflow.upsert_search_attributes([sa.CURRENT_STEP.value_set("failed")])
    if claimed:
        await release_case(case_id, pupil_number)
    await events.case(
        "failed", StepFields(details={"code": error.type or "", "message": error.message})
    )
    await events.flush()
    raise error
