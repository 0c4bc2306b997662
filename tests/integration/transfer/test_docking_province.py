"""A docking province decides its schools' steps through Kafka (SPEC §1, §5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.integration.harness import eventually
from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import DOCKING, Stack
from tests.integration.transfer.flows import approve_route, decide, file, until, until_stored
from tests.integration.transfer.province_events import read_topic, send_decision
from tests.integration.transfer.world import new_pupil
from xueji.transfer.v1.transfer_events_pb2 import TransferStepDecided
from xueji.transfer.v1.transfer_pb2 import TransferStep
from xueji_common.contracts import province_outbound_topic
from xueji_transfer.schema import outbox
from xueji_transfer.transfers.tables import province_decisions, timeline

pytestmark = pytest.mark.integration

SENDING_SCHOOL = TransferStep.TRANSFER_STEP_SENDING_SCHOOL_REVIEW
SENDING_BUREAU = TransferStep.TRANSFER_STEP_SENDING_BUREAU_REVIEW


async def _outcomes(stack: Stack, transfer_id: str) -> dict[str, str]:
    async with stack.db.sessions() as session:
        rows = await session.execute(
            select(province_decisions.c.province_decision_id, province_decisions.c.outcome).where(
                province_decisions.c.case_id == transfer_id
            )
        )
        return {row.province_decision_id: row.outcome for row in rows}


async def _recorded_types(stack: Stack, transfer_id: str) -> list[str]:
    async with stack.db.sessions() as session:
        return list(
            await session.scalars(
                select(timeline.c.type)
                .where(timeline.c.transfer_id == transfer_id)
                .order_by(timeline.c.seq)
            )
        )


async def test_the_province_decides_through_events_and_repeats_change_nothing(
    stack: Stack, ids: IdFactory
) -> None:
    api, people, bootstrap = stack.transfer, stack.people, stack.bootstrap
    pupil = await new_pupil(stack.registry, people, ids, "ja")
    filed = await file(api, people, pupil, "zy1", DOCKING)
    assert filed.status_code == 201, filed.text
    transfer_id = filed.json()["id"]
    await approve_route(
        api, people, transfer_id, "zy1", "ja", ["receiving_school", "receiving_bureau"]
    )
    body = await until(api, people.operator, transfer_id, step="sending_school")
    assert body["steps"][-1]["docking_province"] == DOCKING

    outbound = await read_topic(bootstrap, province_outbound_topic(DOCKING), transfer_id, wanted=2)
    kinds = [kind for kind, _ in outbound]
    assert kinds[0] == "province.case_changed"  # filed: the province hears of its pupil
    pending = next(message for kind, message in outbound if kind == "province.step_pending")
    assert pending.transfer.step == SENDING_SCHOOL
    assert pending.assignee.code == people.code("ja")
    assert pending.pupil.national_number == pupil["national_number"]

    by_platform_user = await decide(api, people.reviewer("ja"), transfer_id)
    assert by_platform_user.status_code == 403
    assert by_platform_user.json()["code"] == "NOT_YOUR_STEP"

    await send_decision(bootstrap, DOCKING, transfer_id, SENDING_SCHOOL, "HB-0001")
    # The inbound consumer may still be joining its group (Tansu takes seconds after an earlier
    # member of the same group left).
    await until(api, people.operator, transfer_id, step="sending_bureau", within=90)
    recorded = await _recorded_types(stack, transfer_id)

    await send_decision(bootstrap, DOCKING, transfer_id, SENDING_SCHOOL, "HB-0001")
    await send_decision(bootstrap, DOCKING, transfer_id, SENDING_SCHOOL, "HB-0002")
    await eventually(lambda: _has(stack, transfer_id, "HB-0002"))
    outcomes = await _outcomes(stack, transfer_id)
    assert outcomes == {"HB-0001": "applied", "HB-0002": "rejected"}
    assert await _recorded_types(stack, transfer_id) == recorded
    still = await until(api, people.operator, transfer_id, step="sending_bureau")
    school = next(s for s in still["steps"] if s["step"] == "sending_school")
    assert school["decided_by"]["role"] == "province_system"
    assert school["decided_by"]["unit_code"] == DOCKING

    await send_decision(
        bootstrap, DOCKING, transfer_id, SENDING_BUREAU, "HB-0003", refuse="学籍档案不全"
    )
    stored = await until_stored(api, people.operator, transfer_id, "refused")
    assert stored["steps"][-1]["reason"] == "学籍档案不全"
    assert await _decided_event_names(stack, transfer_id) == ["HB-0001", "HB-0003"]


async def _has(stack: Stack, transfer_id: str, decision_id: str) -> bool:
    outcome = (await _outcomes(stack, transfer_id)).get(decision_id)
    return outcome is not None and outcome != "pending"


async def _decided_event_names(stack: Stack, transfer_id: str) -> list[str]:
    """The province decision ids the transfer.step_decided events of docking steps carry."""
    async with stack.db.sessions() as session:
        payloads = await session.scalars(
            select(outbox.c.payload)
            .where(
                outbox.c.aggregate_id == transfer_id,
                outbox.c.event_type == "transfer.step_decided",
            )
            .order_by(outbox.c.seq)
        )
        decided = [TransferStepDecided.FromString(p) for p in payloads]
    return [d.province_decision_id for d in decided if d.province_decision_id]
