"""Decisions sent to an application's workflow as validated updates, with Temporal's failures
as API errors. The decision id is Temporal's update id too, so a repeated request (a retry
after a lost answer) gets the first answer and changes nothing."""

from __future__ import annotations

from datetime import timedelta

from temporalio.client import (
    Client,
    RPCTimeoutOrCancelledError,
    WorkflowUpdateFailedError,
)
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_workflows.approval import DecisionReceipt, StepDecision
from xueji_workflows.errors import EXPORT_APPLICATION_FINISHED, refused
from xueji_workflows.export_approval.workflows import ExportApprovalWorkflow

UPDATE_TIMEOUT = timedelta(seconds=30)


async def send_decision(client: Client, workflow_id: str, request: StepDecision) -> DecisionReceipt:
    handle = client.get_workflow_handle_for(ExportApprovalWorkflow.run, workflow_id)
    try:
        return await handle.execute_update(
            ExportApprovalWorkflow.decide,
            request,
            id=request.decision_id,
            rpc_timeout=UPDATE_TIMEOUT,
        )
    except WorkflowUpdateFailedError as error:
        cause = error.cause
        if isinstance(cause, ApplicationError):
            code, detail = refused(cause)
            raise DomainError(code, detail=detail) from error
        raise DomainError(errors.WORKFLOW_UNAVAILABLE, detail=str(cause)) from error
    except RPCError as error:
        if error.status == RPCStatusCode.NOT_FOUND:
            raise DomainError(EXPORT_APPLICATION_FINISHED) from error
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error
    except RPCTimeoutOrCancelledError as error:
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error
