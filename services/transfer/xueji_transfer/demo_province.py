"""The demo's stand-in for Shandong's own registry system: it sends province.decision events
on xueji.province.37.inbound.v1, exactly as a docking province would."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji_common.contracts import province_inbound_topic
from xueji_common.events.envelope import Envelope, to_headers
from xueji_common.kafka import make_producer
from xueji_transfer.events.parts import STEP_ENUM


async def send_province_decision(
    bootstrap: str,
    province: str,
    transfer_id: str,
    step: str,
    *,
    refuse: str | None = None,
    paper_file: tuple[str, str] | None = None,
) -> None:
    """One decision of the province's system on `step` of `transfer_id`."""
    method, tracking = paper_file or ("", "")
    message = ProvinceDecision(
        province_decision_id=f"SD-DEMO-{uuid.uuid4().hex[:12]}",
        case_id=transfer_id,
        case_kind=CaseKind.CASE_KIND_TRANSFER,
        transfer_step=STEP_ENUM[step],
        decision=Decision.DECISION_REFUSE if refuse else Decision.DECISION_APPROVE,
        reason=refuse or "",
        decided_by="山东省学籍系统",
        decided_by_unit_code=province,
        province_code=province,
        paper_file_method=method,
        paper_file_tracking=tracking,
    )
    envelope = Envelope(
        id=str(uuid.uuid4()),
        source=f"/province/{province}",
        type="province.decision",
        time=datetime.now(UTC),
        subject=transfer_id,
        trace_id=None,
    )
    producer = make_producer(bootstrap, client_id=f"xueji-demo-province-{province}")
    await producer.start()
    try:
        await producer.send_and_wait(
            province_inbound_topic(province),
            value=message.SerializeToString(),
            key=transfer_id.encode(),
            headers=to_headers(envelope),
        )
    finally:
        await producer.stop()
