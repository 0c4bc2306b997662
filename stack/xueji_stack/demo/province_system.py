"""A docking province's system as it publishes its decisions (SPEC §1, §5): the demo's stand-in
for Shandong and the tests act through it, exactly as a province would."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji_common.contracts import province_inbound_topic
from xueji_common.events.envelope import Envelope, to_headers
from xueji_common.kafka import make_producer


async def publish_province_decision(bootstrap: str, message: ProvinceDecision) -> None:
    """Publish `message` on its province's inbound topic as that province's system does (a
    fresh ce_id every time: a repeat is recognised by its province_decision_id)."""
    province, case_id = message.province_code, message.case_id
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source=f"/province/{province}",
        type="province.decision",
        time=datetime.now(UTC),
        subject=case_id,
        trace_id=None,
    )
    producer = make_producer(bootstrap, client_id=f"xueji-province-{province}")
    await producer.start()
    try:
        await producer.send_and_wait(
            province_inbound_topic(province),
            value=message.SerializeToString(),
            key=case_id.encode(),
            headers=to_headers(envelope),
        )
    finally:
        await producer.stop()
