"""`transfer.record_event(s)`: one transaction writes, for each event in order, the timeline row
and the outbox rows (xueji.transfer.v1, plus the docking provinces' topics), and the transfer's
standing after the last of them.

Deduplicated by the workflow's event id: a retried activity finds its rows and does nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from xueji_common.db import Database
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.uow import UnitOfWork
from xueji_transfer.events.messages import transfer_message
from xueji_transfer.events.parts import EventContext, school_paths
from xueji_transfer.events.province_messages import province_events
from xueji_transfer.events.unit_names import UnitNames
from xueji_transfer.schema import outbox
from xueji_transfer.transfers.facts import step_spec, transfer_input
from xueji_transfer.transfers.progress import Progress, advance
from xueji_transfer.transfers.tables import province_decisions, timeline, transfers
from xueji_workflows.actors import PROVINCE_SYSTEM
from xueji_workflows.cases.event import CaseEvent, timeline_values

# Events whose payload looks back at earlier ones (approvals, the arrival, escalations).
NEEDS_HISTORY = frozenset(
    {"transfer.approved", "transfer.record_moved", "transfer.step_overdue", "transfer.escalated"}
)


class TransferNotStored(LookupError):
    """The transfer's row is not there (yet): the activity retries."""


# The transfer row's columns that hold its standing, and the Progress field each one holds.
STANDING_COLUMNS = {
    "state": "state",
    "current_step": "current_step",
    "current_party_unit": "party_unit",
    "current_party_roles": "party_roles",
    "current_docking_province": "docking_province",
    "current_deadline": "deadline",
    "current_provisional": "provisional",
    "overdue": "overdue",
    "escalated_to": "escalated_to",
    "failure_code": "failure_code",
}


def progress_of(row: Mapping[str, Any]) -> Progress:
    fields = {field: row[column] for column, field in STANDING_COLUMNS.items()}
    return Progress(**{**fields, "party_roles": list(fields["party_roles"] or [])})


def _standing(progress: Progress) -> dict[str, Any]:
    """The standing columns' values for `progress`."""
    return {column: getattr(progress, field) for column, field in STANDING_COLUMNS.items()}


def _timeline_row(event: CaseEvent) -> dict[str, Any]:
    return {**timeline_values(event), "transfer_id": event.case_id}


async def _unit_names(
    uow: UnitOfWork, names: UnitNames, transfer: Mapping[str, Any]
) -> dict[str, str]:
    codes = {code for path in school_paths(transfer) for code in path}
    found = await names.of(uow.session, codes)
    found.setdefault(transfer["receiving_school_code"], transfer["receiving_school_name"])
    found.setdefault(transfer["sending_school_code"], transfer["sending_school_name"])
    return found


async def _province_decision_id(uow: UnitOfWork, event: CaseEvent) -> str:
    if event.actor is None or event.actor.role != PROVINCE_SYSTEM:
        return ""
    found = await uow.session.scalar(
        select(province_decisions.c.province_decision_id).where(
            province_decisions.c.case_id == event.case_id,
            province_decisions.c.step == event.step,
            province_decisions.c.outcome.in_(("applied", "pending")),
        )
    )
    return found or ""


async def record_events(db: Database, names: UnitNames, events: Sequence[CaseEvent]) -> int:
    """Record `events` in order in one transaction; how many were new."""
    async with UnitOfWork(db, outbox) as uow:
        recorded = 0
        # A workflow's batch is all one transfer; consecutive runs keep any mix in order.
        for _, run in groupby(events, key=attrgetter("case_id")):
            recorded += await _record(uow, names, list(run))
        await uow.commit()
    return recorded


async def _record(uow: UnitOfWork, names: UnitNames, events: list[CaseEvent]) -> int:
    """Record one transfer's `events`, in order; how many were not recorded before.

    One row lock, one timeline insert and one update for the whole run: each statement is a
    round trip on the workflow's critical path, since these events are recorded before the
    decision that caused them is answered.
    """
    session = uow.session
    transfer_id = events[0].case_id
    found = await session.execute(
        select(transfers).where(transfers.c.id == transfer_id).with_for_update()
    )
    locked = found.mappings().first()
    if locked is None:
        raise TransferNotStored(transfer_id)
    inserted = await session.execute(
        insert(timeline)
        .values([_timeline_row(event) for event in events])
        .on_conflict_do_nothing(index_elements=[timeline.c.event_id])
        .returning(timeline.c.event_id, timeline.c.seq)
    )
    seqs = {str(event_id): seq for event_id, seq in inserted}
    new = [event for event in events if event.event_id in seqs]
    if not new:
        return 0
    history: list[Mapping[str, Any]] = []
    if any(e.type in NEEDS_HISTORY or e.outbound_provinces for e in new):
        earlier = await session.execute(
            select(timeline).where(timeline.c.transfer_id == transfer_id).order_by(timeline.c.seq)
        )
        history = list(earlier.mappings())
    unit_names = await _unit_names(uow, names, locked)
    row: Mapping[str, Any] = locked
    standing: dict[str, Any] = {}
    for event in new:
        spec = step_spec(transfer_input(row), event.step)
        progress = advance(progress_of(row), event, spec)
        seq = seqs[event.event_id]
        context = EventContext(
            event=event,
            transfer=row,
            progress=progress,
            spec=spec,
            history=[h for h in history if h["seq"] < seq],
            unit_names=unit_names,
            province_decision_id=await _province_decision_id(uow, event),
        )
        uow.publish(
            OutgoingEvent(
                type=event.type,
                key=event.case_id,
                message=transfer_message(context),
                subject=row["pupil_number"],
                event_id=uuid.UUID(event.event_id),
            )
        )
        for outgoing in province_events(context):
            uow.publish(outgoing)
        standing = _standing(progress)
        row = {**row, **standing}
    await session.execute(
        update(transfers)
        .where(transfers.c.id == transfer_id)
        .values(**standing, updated_at=func.now())
    )
    return len(new)
