"""The parties' actions on a transfer, each a validated update of its workflow."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from temporalio.client import Client

from xueji_common.auth.principal import Principal
from xueji_transfer.transfers.schemas import ReceiptRead
from xueji_transfer.transfers.workflow_calls import handle_of, update
from xueji_workflows.actors import Actor, actor_from_principal
from xueji_workflows.approval import StepDecision
from xueji_workflows.transfer import ArrivalReport, PaperFileReceived, PaperFileSent, Withdrawal
from xueji_workflows.transfer.workflows import TransferWorkflow


def actor_of(principal: Principal) -> Actor:
    return actor_from_principal(principal)


def decision_id(given: str | None) -> str:
    return given.strip() if given and given.strip() else str(uuid.uuid4())


async def act(
    temporal: Client,
    transfer: Mapping[str, Any],
    method: Callable[..., Any],
    request: Any,
) -> ReceiptRead:
    handle = handle_of(temporal, transfer["workflow_id"], transfer["run_id"] or None)
    receipt = await update(handle, method, request, request.decision_id)
    return ReceiptRead(
        transfer_id=transfer["id"],
        decision_id=receipt.decision_id,
        step=receipt.step,
        decision=receipt.decision,
        decided_at=receipt.decided_at,
    )


def decision_request(
    principal: Principal, decision: str, reason: str | None, step: str | None, given: str | None
) -> tuple[Callable[..., Any], StepDecision]:
    request = StepDecision(decision_id(given), actor_of(principal), decision, reason, step)
    return TransferWorkflow.decide, request


def withdrawal_request(
    principal: Principal, reason: str, given: str | None
) -> tuple[Callable[..., Any], Withdrawal]:
    return TransferWorkflow.withdraw, Withdrawal(decision_id(given), actor_of(principal), reason)


def arrival_request(
    principal: Principal, given: str | None
) -> tuple[Callable[..., Any], ArrivalReport]:
    return TransferWorkflow.report_arrival, ArrivalReport(decision_id(given), actor_of(principal))


def paper_sent_request(
    principal: Principal, method: str, tracking: str | None, given: str | None
) -> tuple[Callable[..., Any], PaperFileSent]:
    request = PaperFileSent(decision_id(given), actor_of(principal), method, tracking)
    return TransferWorkflow.paper_file_sent, request


def paper_received_request(
    principal: Principal, given: str | None
) -> tuple[Callable[..., Any], PaperFileReceived]:
    request = PaperFileReceived(decision_id(given), actor_of(principal))
    return TransferWorkflow.paper_file_received, request
