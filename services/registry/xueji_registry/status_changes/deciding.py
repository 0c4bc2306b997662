"""The county bureau decides a case: the API forwards the decision to the workflow's update.

The workflow checks that the officer is the step's party (the county of the pupil's
school) and that a refusal has a reason; its refusals come back as problem+json.
"""

from __future__ import annotations

import uuid
from typing import Any

from temporalio.client import Client, WorkflowUpdateFailedError
from temporalio.service import RPCError, RPCStatusCode

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_registry.pupils.reading.access import BUREAUS
from xueji_registry.status_changes.cases import workflow_actor
from xueji_registry.status_changes.schemas import DecisionCreate, DecisionRead
from xueji_registry.status_changes.workflow_errors import problem_of
from xueji_workflows.approval import StepDecision
from xueji_workflows.errors import STATUS_CHANGE_FINISHED, rejection
from xueji_workflows.status_change import COUNTY_BUREAU, FINISHED_STATES
from xueji_workflows.status_change.workflows import StatusChangeWorkflow


def _finished(state: str) -> DomainError:
    return problem_of(rejection(STATUS_CHANGE_FINISHED, state))


async def decide(
    client: Client, actor: Principal, row: Any, data: DecisionCreate, *, decision_id: str
) -> DecisionRead:
    """A platform officer's decision on the case `row` (already scope-checked)."""
    if actor.role not in BUREAUS:
        raise DomainError(errors.FORBIDDEN)
    request = StepDecision(
        decision_id=decision_id,
        actor=workflow_actor(actor),
        decision=data.decision,
        reason=data.reason,
        step=COUNTY_BUREAU,
    )
    return await forward(client, row, request)


async def forward(client: Client, row: Any, request: StepDecision) -> DecisionRead:
    """Send the decision to the case's workflow run; its refusals become API errors."""
    if row.state in FINISHED_STATES:
        raise _finished(row.state)
    if not row.run_id:
        raise DomainError(errors.WORKFLOW_UNAVAILABLE)
    handle = client.get_workflow_handle(row.workflow_id, run_id=row.run_id)
    try:
        receipt = await handle.execute_update(StatusChangeWorkflow.decide, request)
    except WorkflowUpdateFailedError as error:
        raise problem_of(error.cause) from None
    except RPCError as error:
        if error.status in (RPCStatusCode.NOT_FOUND, RPCStatusCode.FAILED_PRECONDITION):
            raise _finished("closed") from None
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error
    return DecisionRead(
        case_id=row.id,
        decision_id=receipt.decision_id,
        step=receipt.step,
        decision=receipt.decision,
        decided_at=receipt.decided_at,
    )


def new_decision_id() -> str:
    return str(uuid.uuid4())
