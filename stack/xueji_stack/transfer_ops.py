"""`xueji transfer show|overdue`: a transfer's timeline and the overdue steps, read straight
from Temporal (no account needed; XUEJI_TEMPORAL_ADDRESS, default 127.0.0.1:7233)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from datetime import datetime

from temporalio.client import Client, WorkflowHandle
from temporalio.service import RPCError

from xueji_common.calendar import SHANGHAI
from xueji_transfer.transfers.identity import pupil_number_of
from xueji_workflows.approval import CaseTimeline, StepRecord
from xueji_workflows.transfer import transfer_workflow_id
from xueji_workflows.transfer.workflows import TransferWorkflow

DEFAULT_ADDRESS = "127.0.0.1:7233"
OVERDUE = "XuejiCaseKind = 'transfer' AND XuejiOverdue = true AND ExecutionStatus = 'Running'"


class TransferNotFound(LookupError):
    pass


async def _client() -> Client:
    return await Client.connect(
        os.environ.get("XUEJI_TEMPORAL_ADDRESS", DEFAULT_ADDRESS),
        namespace=os.environ.get("XUEJI_TEMPORAL_NAMESPACE", "default"),
    )


def _when(moment: datetime | None) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if moment else ""


async def _handle(client: Client, reference: str) -> WorkflowHandle:
    """The workflow of a transfer id (TR-…), a workflow id (transfer-…) or a pupil number."""
    pupil = pupil_number_of(reference)
    if reference.startswith("transfer-"):
        workflow_id = reference
    else:
        workflow_id = transfer_workflow_id(pupil or reference)
    runs = [e async for e in client.list_workflows(f"WorkflowId = '{workflow_id}'")]
    if pupil is not None:
        runs = [e for e in runs if (await e.memo()).get("transfer_id") == reference]
    if not runs:
        raise TransferNotFound(reference)
    latest = max(runs, key=lambda e: e.start_time)
    return client.get_workflow_handle(latest.id, run_id=latest.run_id)


def _row(record: StepRecord) -> list[str]:
    deadline = _when(record.deadline) + ("（暂定）" if record.provisional else "")
    flags = "逾期" if record.overdue else ""
    if record.escalated_to:
        flags += " 督办→" + "→".join(record.escalated_to)
    who = f"{record.decided_by.name}/{record.decided_by.unit_code}" if record.decided_by else ""
    party = (record.docking_province and f"省{record.docking_province}") or record.party_unit
    return [
        record.step, party, _when(record.opened_at), deadline, flags.strip(),
        record.decision or "待办", who, _when(record.decided_at), record.reason or "",
    ]  # fmt: skip


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


HEADER = ("步骤", "办理单位", "开始", "期限", "逾期/督办", "结果", "办理人", "办理时间", "原因")


def render_timeline(timeline: CaseTimeline, workflow_id: str) -> str:
    head = (
        f"转学 {timeline.case_id}  学生 {timeline.national_number}  状态 {timeline.state}"
        f"  当前步骤 {timeline.current_step or '-'}\nworkflow {workflow_id}"
    )
    if timeline.failure_code:
        head += f"\n失败：{timeline.failure_code} {timeline.failure_message}"
    return head + "\n\n" + _table(HEADER, [_row(s) for s in timeline.steps])


async def show(reference: str) -> str:
    client = await _client()
    handle = await _handle(client, reference)
    timeline = await handle.query(TransferWorkflow.timeline)
    return render_timeline(timeline, handle.id)


async def overdue() -> str:
    client = await _client()
    rows = []
    async for execution in client.list_workflows(OVERDUE):
        handle = client.get_workflow_handle(execution.id, run_id=execution.run_id)
        timeline = await handle.query(TransferWorkflow.timeline)
        active = next((s for s in timeline.steps if s.step == timeline.current_step), None)
        if active is None:
            continue
        authority = active.escalated_to[-1] if active.escalated_to else active.party_unit
        rows.append(
            [authority, timeline.case_id, timeline.national_number, active.step,
             active.party_unit, _when(active.deadline)]
        )  # fmt: skip
    if not rows:
        return "没有逾期的转学步骤。"
    rows.sort()
    header = ("督办单位", "转学", "学生", "步骤", "办理单位", "期限")
    return f"逾期步骤 {len(rows)} 个\n\n" + _table(header, rows)


def run(command: str, reference: str | None) -> int:
    try:
        text = asyncio.run(show(reference or "") if command == "show" else overdue())
    except TransferNotFound as missing:
        print(f"未找到转学：{missing}")
        return 1
    except (RPCError, RuntimeError) as error:
        address = os.environ.get("XUEJI_TEMPORAL_ADDRESS", DEFAULT_ADDRESS)
        print(f"无法读取 Temporal（{address}）：{error}")
        return 1
    print(text)
    return 0
