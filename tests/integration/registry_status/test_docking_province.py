"""A docking province (对接省份) decides its status changes on its own system: the registry
sends province.step_pending on the province's outbound topic and takes the province.decision
from its inbound topic; the county's platform officer cannot decide instead."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.integration.registry_status.conftest import Registry
from tests.integration.registry_status.flows import (
    case_until,
    decide,
    file_change,
    finished,
    in_review,
)
from tests.integration.registry_status.world import DOCKING, XIUYING, World, evidence, new_pupil
from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision, ProvinceStepPending
from xueji.province.v1.province_pb2 import CaseKind
from xueji_common.contracts import province_outbound_topic
from xueji_registry.schema import outbox
from xueji_stack.demo.province_system import publish_province_decision

pytestmark = pytest.mark.integration


async def test_the_docking_province_decides_through_its_topics(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "h", grade=3)
    document = await evidence(http, world, "h", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "suspension",
        "reason": "因病休学",
        "evidence_document_ids": [document],
    }
    filed = await file_change(http, world, "h", body)
    assert filed.status_code == 201, filed.text
    case_id = filed.json()["id"]
    county = world.county(XIUYING)
    await case_until(http, county, case_id, in_review)

    instead = await decide(http, county, case_id, "approve")
    assert instead.status_code == 403
    assert instead.json()["code"] == "NOT_YOUR_STEP"
    async with registry.db.sessions() as session:
        [(topic, payload)] = (
            await session.execute(
                select(outbox.c.topic, outbox.c.payload).where(
                    outbox.c.aggregate_id == case_id, outbox.c.event_type == "province.step_pending"
                )
            )
        ).all()
    assert topic == province_outbound_topic(DOCKING)
    pending = ProvinceStepPending.FromString(payload)
    assert pending.case_kind == CaseKind.CASE_KIND_STATUS_CHANGE
    assert pending.assignee.code == "460105"
    assert pending.pupil.national_number == pupil["national_number"]
    assert pending.status_change.reason == "因病休学"

    decision = ProvinceDecision(
        province_decision_id=f"hainan-{case_id}",
        case_id=case_id,
        case_kind=CaseKind.CASE_KIND_STATUS_CHANGE,
        decision=Decision.DECISION_APPROVE,
        decided_by="海南省学籍系统",
        decided_by_unit_code="460105",
        province_code=DOCKING,
    )
    await publish_province_decision(registry.kafka_bootstrap, decision)
    done = await case_until(http, county, case_id, finished)

    assert done["state"] == "completed"
    assert (done["decided_by_name"], done["decided_by_unit"]) == ("海南省学籍系统", DOCKING)
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=county)).json()
    assert record["status"] == "suspended"
