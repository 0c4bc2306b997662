"""A docking province's side of the topics: what it reads and the decisions it sends."""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer
from google.protobuf.message import Message

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji.transfer.v1.transfer_pb2 import TransferStep
from xueji_common.contracts import event_type
from xueji_common.events.envelope import from_headers
from xueji_stack.demo.province_system import publish_province_decision


async def send_decision(
    bootstrap: str,
    province: str,
    case_id: str,
    step: TransferStep.ValueType,
    decision_id: str,
    *,
    refuse: str | None = None,
) -> None:
    """Publish province.decision as the province system would (a fresh ce_id every time)."""
    message = ProvinceDecision(
        province_decision_id=decision_id,
        case_id=case_id,
        case_kind=CaseKind.CASE_KIND_TRANSFER,
        transfer_step=step,
        decision=Decision.DECISION_REFUSE if refuse else Decision.DECISION_APPROVE,
        reason=refuse or "",
        decided_by="省学籍系统审核员",
        decided_by_unit_code=province,
        province_code=province,
    )
    await publish_province_decision(bootstrap, message)


async def read_topic(
    bootstrap: str, topic: str, key: str, *, wanted: int, within: float = 30.0
) -> list[tuple[str, Message]]:
    """(ce_type, payload) of the records with `key`, once `wanted` of them arrived."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    found: list[tuple[str, Message]] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while len(found) < wanted and loop.time() < deadline:
            for records in (await consumer.getmany(timeout_ms=300)).values():
                for record in records:
                    if record.key == key.encode():
                        kind = from_headers(record.headers).type
                        found.append((kind, event_type(kind).message.FromString(record.value)))
    finally:
        await consumer.stop()
    return found
