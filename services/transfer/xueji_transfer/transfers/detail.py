"""One transfer in full: its stored row with the timeline, from the workflow while it runs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from temporalio.client import Client

from xueji_transfer.transfers import queries
from xueji_transfer.transfers.schemas import TransferDetail
from xueji_transfer.transfers.timeline import from_events, from_workflow
from xueji_transfer.transfers.workflow_calls import handle_of, timeline
from xueji_workflows import transfer as tf


async def transfer_detail(
    session: AsyncSession, temporal: Client, row: Mapping[str, Any], *, ask_workflow: bool = True
) -> TransferDetail:
    """`ask_workflow=False` reads the recorded events only (a transfer just filed has none)."""
    live = None
    if ask_workflow and row["state"] not in tf.FINISHED_STATES:
        live = await timeline(handle_of(temporal, row["workflow_id"], row["run_id"] or None))
    if live is not None:
        steps, source = from_workflow(live), "workflow"
        state = live.state
        failure_code, failure_message = live.failure_code, live.failure_message
    else:
        steps = from_events(row, await queries.recorded_events(session, row["id"]))
        source, state = "database", row["state"]
        failure_code = row["failure_code"]
        failure_message = await queries.failure_message(session, row["id"])
    # pupil_number is computed from national_number, not an input.
    base = queries.summary(row).model_dump(exclude={"pupil_number"})
    base["state"] = state
    return TransferDetail(
        **base,
        workflow_id=row["workflow_id"],
        target_class=row["target_class"],
        reason=row["reason"],
        evidence_ids=list(row["evidence_ids"] or []),
        filed_by=queries.filed_by(row),
        failure_code=failure_code,
        failure_message=failure_message,
        timeline_source=source,
        steps=steps,
    )
