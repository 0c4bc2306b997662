"""Calls into a transfer's workflow from the API, with Temporal's failures as API errors.

Updates carry the request's decision id as Temporal's update id too, so a repeated request
(a retry after a lost answer) returns the first answer and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from temporalio.client import (
    Client,
    RPCTimeoutOrCancelledError,
    WorkflowHandle,
    WorkflowQueryFailedError,
    WorkflowQueryRejectedError,
    WorkflowUpdateFailedError,
)
from temporalio.exceptions import ApplicationError
from temporalio.service import RPCError, RPCStatusCode

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_workflows.approval import CaseTimeline, DecisionReceipt
from xueji_workflows.errors import TRANSFER_FINISHED, refused
from xueji_workflows.transfer.workflows import TransferWorkflow

UPDATE_TIMEOUT = timedelta(seconds=30)
QUERY_TIMEOUT = timedelta(seconds=10)


def refusal(error: ApplicationError) -> DomainError:
    """The API error for a refusal raised by an update validator or handler."""
    code, detail = refused(error)
    return DomainError(code, detail=detail)


def handle_of(client: Client, workflow_id: str, run_id: str | None) -> WorkflowHandle:
    return client.get_workflow_handle_for(TransferWorkflow.run, workflow_id, run_id=run_id)


async def update(
    handle: WorkflowHandle, method: Callable[..., Any], request: Any, decision_id: str
) -> DecisionReceipt:
    try:
        return await handle.execute_update(
            method, request, id=decision_id, rpc_timeout=UPDATE_TIMEOUT
        )
    except WorkflowUpdateFailedError as error:
        cause = error.cause
        if isinstance(cause, ApplicationError):
            raise refusal(cause) from error
        raise DomainError(errors.WORKFLOW_UNAVAILABLE, detail=str(cause)) from error
    except RPCError as error:
        if error.status == RPCStatusCode.NOT_FOUND:
            raise DomainError(TRANSFER_FINISHED) from error
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error
    except RPCTimeoutOrCancelledError as error:
        raise DomainError(errors.WORKFLOW_UNAVAILABLE) from error


async def timeline(handle: WorkflowHandle) -> CaseTimeline | None:
    """The workflow's own timeline; None when it cannot answer (e.g. past retention)."""
    try:
        return await handle.query(TransferWorkflow.timeline, rpc_timeout=QUERY_TIMEOUT)
    except (RPCError, WorkflowQueryFailedError, WorkflowQueryRejectedError):
        return None
    except RPCTimeoutOrCancelledError:
        return None
