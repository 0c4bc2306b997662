"""Decisions of docking provinces on status changes (province.decision, case kind
STATUS_CHANGE) from `xueji.province.<code>.inbound.v1`.

Each becomes the workflow update a county officer's decision is, made by the province's
system (role province_system, unit = the topic's province) and checked the same way by the
workflow. The province's decision id is the update's decision id, so a repeated decision
changes nothing. Transfer decisions on the same topic belong to the transfer service and are
skipped. A refused or late decision is logged and dropped; only an unreachable Temporal is
retried (the consumer's retry, then its dead-letter topic).
"""

from __future__ import annotations

import logging

from temporalio.client import Client

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji_common.errors import DomainError
from xueji_common.events.consumer import Handler
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_registry.status_changes.cases import case_by_id
from xueji_registry.status_changes.deciding import forward
from xueji_workflows.actors import PROVINCE_SYSTEM, Actor
from xueji_workflows.approval import APPROVE, REFUSE, StepDecision
from xueji_workflows.status_change import COUNTY_BUREAU

log = logging.getLogger(__name__)

DECISIONS = {Decision.DECISION_APPROVE: APPROVE, Decision.DECISION_REFUSE: REFUSE}


class ProvinceStatusDecisions:
    def __init__(self, temporal: Client) -> None:
        self._temporal = temporal

    def handler(self, province: str) -> Handler:
        async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
            decision = event.message
            assert isinstance(decision, ProvinceDecision)
            if decision.case_kind == CaseKind.CASE_KIND_STATUS_CHANGE:
                await self._decide(province, decision, uow)

        return handle

    async def _decide(self, province: str, decision: ProvinceDecision, uow: UnitOfWork) -> None:
        row = await case_by_id(uow.session, decision.case_id)
        if row is None or not row.scope_path.startswith(f"/CN/{province}/"):
            log.warning("province %s decided unknown status change %r", province, decision.case_id)
            return
        actor = Actor(
            account_id="",
            name=decision.decided_by or f"{province}省学籍系统",
            role=PROVINCE_SYSTEM,
            unit_code=province,
            unit_path=[province],
        )
        request = StepDecision(
            decision_id=decision.province_decision_id.strip(),
            actor=actor,
            decision=DECISIONS.get(decision.decision, ""),
            reason=decision.reason or None,
            step=COUNTY_BUREAU,
        )
        try:
            await forward(self._temporal, row, request)
        except DomainError as error:
            if error.error.status >= 500:
                raise
            log.warning(
                "province %s decision %s on %s refused: %s",
                province,
                request.decision_id,
                row.id,
                error.message,
            )
