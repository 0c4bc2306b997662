"""A person's decision on an application (approve, refuse, execute), forwarded to its
workflow; a refused attempt is audited with its code, an accepted one by the workflow's
recording, in the transaction that changes the application."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from temporalio.client import Client

from xueji_common.auth.principal import Principal
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_export.approval.launching import ApprovalLauncher
from xueji_export.approval.recording import CLIENT_ADDRESS
from xueji_export.approval.schemas import ReceiptRead
from xueji_export.approval.workflow_calls import send_decision
from xueji_export.audit.request import refused_attempt
from xueji_workflows.actors import actor_from_principal
from xueji_workflows.approval import StepDecision
from xueji_workflows.export_approval import export_approval_workflow_id


@dataclass(frozen=True)
class Desk:
    """What a decision needs: the workflow client, the launcher and the audit database."""

    temporal: Client
    launcher: ApprovalLauncher
    db: Database


@dataclass(frozen=True)
class Attempt:
    principal: Principal
    client_address: str
    action: str  # "application.decided" | "application.executed"
    decision: str
    step: str
    reason: str | None
    decision_id: str | None


async def decide(desk: Desk, row: Mapping[str, Any], attempt: Attempt) -> ReceiptRead:
    application_id = str(row["id"])
    request = StepDecision(
        decision_id=(attempt.decision_id or "").strip() or str(uuid.uuid4()),
        actor=actor_from_principal(attempt.principal),
        decision=attempt.decision,
        reason=attempt.reason,
        step=attempt.step,
        details={CLIENT_ADDRESS: attempt.client_address},
    )
    try:
        if not row["run_id"]:
            # Filed while Temporal was away: start it now rather than refuse the approver.
            await desk.launcher.launch(row)
        receipt = await send_decision(
            desk.temporal, export_approval_workflow_id(application_id), request
        )
    except DomainError as refusal:
        await refused_before(desk.db, attempt, application_id, refusal, row["province_code"])
        raise
    return ReceiptRead(
        application_id=application_id,
        decision_id=receipt.decision_id,
        step=receipt.step,
        decision=receipt.decision,
        decided_at=receipt.decided_at,
    )


async def refused_before(
    db: Database, attempt: Attempt, subject: str, refusal: DomainError, province: str | None
) -> None:
    await refused_attempt(
        db, attempt.principal, attempt.client_address, attempt.action, subject, refusal, province
    )
