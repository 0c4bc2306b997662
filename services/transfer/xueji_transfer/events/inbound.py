"""Decisions of docking provinces from `xueji.province.<code>.inbound.v1` (province.decision).

Each becomes the same workflow update a platform user's decision is, made by the province's
system (role province_system, unit = the topic's province) and validated the same way. The
province's decision id is the update's decision id: a repeated or late decision changes
nothing. Every decision is recorded once with what became of it; one the workflow refuses
is recorded as rejected and not retried. Only an unreachable Temporal is retried.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from temporalio.client import Client

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.events.consumer import Handler
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_transfer.events.parts import STEP_ENUM
from xueji_transfer.transfers import workflow_calls
from xueji_transfer.transfers.tables import province_decisions, transfers
from xueji_workflows import transfer as tf
from xueji_workflows.actors import PROVINCE_SYSTEM, Actor
from xueji_workflows.approval import APPROVE, REFUSE, StepDecision
from xueji_workflows.errors import INVALID_DECISION
from xueji_workflows.transfer import ArrivalReport, PaperFileReceived, PaperFileSent
from xueji_workflows.transfer.workflows import TransferWorkflow

log = logging.getLogger(__name__)

# The step a province names, back to the workflow's name (admission is reported arrival).
STEP_NAMES = {enum: name for name, enum in STEP_ENUM.items() if name != tf.RECORD_MOVE}
DECISIONS = {Decision.DECISION_APPROVE: APPROVE, Decision.DECISION_REFUSE: REFUSE}
# Outcome of a decision handed to the workflow whose answer is not recorded yet.
PENDING = "pending"


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def _request(decision: ProvinceDecision, actor: Actor, step: str) -> tuple[Any, Any]:
    decision_id = decision.province_decision_id.strip()
    verdict = DECISIONS.get(decision.decision, "")
    if step in (tf.REPORT_ARRIVAL, tf.PAPER_FILE_SENT, tf.PAPER_FILE_RECEIVED):
        if verdict != APPROVE:
            raise Rejected(INVALID_DECISION.code, f"{INVALID_DECISION.message}：{verdict}")
        if step == tf.REPORT_ARRIVAL:
            return TransferWorkflow.report_arrival, ArrivalReport(decision_id, actor)
        if step == tf.PAPER_FILE_RECEIVED:
            return TransferWorkflow.paper_file_received, PaperFileReceived(decision_id, actor)
        sent = PaperFileSent(
            decision_id, actor, decision.paper_file_method, decision.paper_file_tracking or None
        )
        return TransferWorkflow.paper_file_sent, sent
    request = StepDecision(decision_id, actor, verdict, decision.reason or None, step)
    return TransferWorkflow.decide, request


class ProvinceDecisions:
    def __init__(self, db: Database, temporal: Client) -> None:
        self._db = db
        self._temporal = temporal

    def handler(self, province: str) -> Handler:
        async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
            await self._handle(province, event, uow)

        return handle

    async def _handle(self, province: str, event: IncomingEvent, uow: UnitOfWork) -> None:
        decision = event.message
        assert isinstance(decision, ProvinceDecision)
        decision_id = decision.province_decision_id.strip()
        step = STEP_NAMES.get(decision.transfer_step)
        seen = await uow.session.scalar(
            select(province_decisions.c.outcome).where(
                province_decisions.c.province_decision_id == decision_id
            )
        )
        if (seen is not None and seen != PENDING) or not decision_id:
            log.info("province decision %r already handled (%s)", decision_id, seen)
            return
        values = {
            "province_decision_id": decision_id,
            "province_code": province,
            "case_id": decision.case_id,
            "step": step,
            "decision": DECISIONS.get(decision.decision),
        }
        # Committed before the update, so the workflow's step_decided event can name it.
        async with self._db.sessions() as session, session.begin():
            statement = insert(province_decisions).values(**values, outcome=PENDING)
            await session.execute(statement.on_conflict_do_nothing())
        outcome, code, message = "applied", None, None
        try:
            await self._apply(province, decision, step, uow)
        except Rejected as rejected:
            outcome, code, message = "rejected", rejected.code, rejected.message
            log.warning("province %s decision %s rejected: %s", province, decision_id, rejected)
        await uow.session.execute(
            update(province_decisions)
            .where(province_decisions.c.province_decision_id == decision_id)
            .values(outcome=outcome, code=code, message=message)
        )
        await uow.commit()

    async def _apply(
        self, province: str, decision: ProvinceDecision, step: str | None, uow: UnitOfWork
    ) -> None:
        if decision.case_kind != CaseKind.CASE_KIND_TRANSFER:
            raise Rejected("UNKNOWN_CASE", "不是转学业务")
        row = (
            (await uow.session.execute(select(transfers).where(transfers.c.id == decision.case_id)))
            .mappings()
            .first()
        )
        if row is None:
            raise Rejected("UNKNOWN_CASE", f"转学申请不存在：{decision.case_id}")
        if step is None:
            raise Rejected(INVALID_DECISION.code, "未指明办理的步骤")
        actor = Actor("", decision.decided_by or f"{province}省学籍系统", PROVINCE_SYSTEM,
                      province, [province])  # fmt: skip
        method, request = _request(decision, actor, step)
        handle = workflow_calls.handle_of(self._temporal, row["workflow_id"], row["run_id"] or None)
        try:
            await workflow_calls.update(handle, method, request, request.decision_id)
        except DomainError as error:
            if error.error.status >= 500:
                raise  # Temporal unreachable: the consumer retries the event
            raise Rejected(error.error.code, error.message) from error
