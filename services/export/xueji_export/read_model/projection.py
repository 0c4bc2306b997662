"""Applies pupil, transfer and photo events to the read model; the consumer and the rebuild
share it. Each write is a guarded upsert, so duplicates, replays and events out of order
across pupils converge: registry columns only move to a higher record version, the photo and
transfer facts only to a later event time.

A batch of events costs one multi-row upsert per kind of fact (`read_model/merging.py` picks
each pupil's winner first, as PostgreSQL lets one statement touch a row only once): the
consumer applies each fetch that way, in one transaction, which is what keeps the read model
within a second of the registry at hundreds of events per second.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from google.protobuf.message import Message
from prometheus_client import Gauge
from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.events.consumer import Handler
from xueji_common.events.envelope import Envelope
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_export.read_model.merging import Fact, change_of, winners
from xueji_export.read_model.tables import pupil_read_model as table

PUPIL_EVENT_TYPES = (
    "pupil.created", "pupil.updated", "pupil.problem_detected", "pupil.problem_resolved",
    "pupil.registered", "pupil.status_changed", "pupil.transferred_out",
    "pupil.transferred_in", "pupil.corrected",
)  # fmt: skip
OTHER_EVENT_TYPES = ("photo.accepted", "photo.reopened", "transfer.completed")
APPLIED_TYPES = frozenset({*PUPIL_EVENT_TYPES, *OTHER_EVENT_TYPES})

# Lag in events is xueji_consumer_lag (the common consumer); this is the lag in seconds.
LAG_SECONDS = Gauge(
    "xueji_export_read_model_lag_seconds",
    "Age of the newest event applied to the export read model when it was applied",
)


def _guard(fact: Fact, excluded: Any) -> Any:
    """The upsert's condition: the incoming fact is newer than the row's."""
    if fact is Fact.REGISTRY:
        return table.c.record_version < excluded.record_version
    column = "photo_changed_at" if fact is Fact.PHOTO else "transfer_completed_at"
    return or_(table.c[column].is_(None), table.c[column] < excluded[column])


def _upsert_statement(fact: Fact, columns: Sequence[str]) -> Any:
    statement = insert(table)
    return statement.on_conflict_do_update(
        index_elements=[table.c.pupil_id],
        set_={name: statement.excluded[name] for name in columns if name != "pupil_id"},
        where=_guard(fact, statement.excluded),
    )


async def _upsert(session: AsyncSession, fact: Fact, rows: list[dict[str, Any]]) -> None:
    # Parameter sets of one statement (executemany, pipelined by the driver): compiled once
    # per fact, where a multi-row VALUES would be compiled again for every batch size.
    await session.execute(_upsert_statement(fact, list(rows[0])), rows)


async def apply_many(session: AsyncSession, events: Sequence[tuple[Envelope, Message]]) -> None:
    """The effect of the events on the read model (no commit), as if applied in turn."""
    changes = [c for envelope, message in events if (c := change_of(envelope, message))]
    for fact, rows in winners(changes).items():
        await _upsert(session, fact, rows)
    if events:
        newest = max(envelope.time for envelope, _ in events)
        LAG_SECONDS.set(max((datetime.now(UTC) - newest).total_seconds(), 0.0))


async def apply(session: AsyncSession, envelope: Envelope, message: object) -> None:
    """The effect of one event on the read model (no commit)."""
    await apply_many(session, [(envelope, message)])  # type: ignore[list-item]


async def handle_batch(events: Sequence[IncomingEvent], uow: UnitOfWork) -> None:
    """The consumer's batch handler: the events of a fetch in one statement per fact."""
    await apply_many(uow.session, [(event.envelope, event.message) for event in events])


def handlers() -> dict[str, Handler]:
    async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
        await apply(uow.session, event.envelope, event.message)

    return {kind: handle for kind in APPLIED_TYPES}
