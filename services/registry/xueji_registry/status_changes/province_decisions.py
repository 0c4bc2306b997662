"""Decisions of docking provinces on status changes (province.decision, case kind
STATUS_CHANGE) from `xueji.province.<code>.inbound.v1`.

Each becomes the workflow update a county officer's decision is, made by the province's
system (role province_system, unit = the topic's province) and checked the same way by the
workflow. The province's decision id is the update's decision id, so a repeated decision
changes nothing. Transfer decisions on the same topic belong to the transfer service and are
skipped. A refused or late decision is logged and dropped; only an unreachable Temporal is
retried (the consumer's retry, then its dead-letter topic).

The provinces are those the registry's org tree marks as docking when the process starts
(the flag is the registry's own data); a province that starts or stops docking takes effect
at the next start.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select
from temporalio.client import Client

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji_common.contracts import province_inbound_topic
from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.events.incoming import IncomingEvent
from xueji_common.runtime import BackgroundJob
from xueji_common.service import ServiceKernel
from xueji_common.uow import UnitOfWork
from xueji_registry.orgs.tables import org_units
from xueji_registry.status_changes.cases import case_by_id
from xueji_registry.status_changes.deciding import forward
from xueji_workflows.actors import PROVINCE_SYSTEM, Actor
from xueji_workflows.approval import APPROVE, REFUSE, StepDecision
from xueji_workflows.status_change import COUNTY_BUREAU

log = logging.getLogger(__name__)

DECISIONS = {Decision.DECISION_APPROVE: APPROVE, Decision.DECISION_REFUSE: REFUSE}


CONSUMER_GROUP = "registry-province-decisions"


async def docking_provinces(db: Database) -> list[str]:
    async with db.sessions() as session:
        query = select(org_units.c.code).where(
            org_units.c.kind == "province", org_units.c.docking.is_(True)
        )
        return sorted(await session.scalars(query))


def province_of_topic(topic: str) -> str:
    """The province code inside an inbound topic name: xueji.province.46.inbound.v1 → 46."""
    return topic.split(".")[2]


def province_decisions_job(kernel: ServiceKernel, temporal: Client) -> BackgroundJob:
    """Consume the inbound topics of the docking provinces; idle when there are none."""
    decisions = ProvinceStatusDecisions(temporal)

    async def run() -> None:
        codes = await docking_provinces(kernel.db)
        if not codes:
            await asyncio.Event().wait()
        topics = [province_inbound_topic(code) for code in codes]
        _name, consume = kernel.consumer(
            CONSUMER_GROUP, topics, {"province.decision": decisions.handle}
        )
        await consume()

    return run


class ProvinceStatusDecisions:
    def __init__(self, temporal: Client) -> None:
        self._temporal = temporal

    async def handle(self, event: IncomingEvent, uow: UnitOfWork) -> None:
        decision = event.message
        assert isinstance(decision, ProvinceDecision)
        if decision.case_kind == CaseKind.CASE_KIND_STATUS_CHANGE:
            await self._decide(province_of_topic(event.topic), decision, uow)

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
