"""The demo's stand-in for Shandong's own registry system: it sends province.decision events
on xueji.province.37.inbound.v1, exactly as a docking province would."""

from __future__ import annotations

import uuid

from xueji.common.v1.review_pb2 import Decision
from xueji.province.v1.province_events_pb2 import ProvinceDecision
from xueji.province.v1.province_pb2 import CaseKind
from xueji_stack.demo.province_system import publish_province_decision
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
    await publish_province_decision(bootstrap, message)
