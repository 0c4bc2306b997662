"""Applies pupil, transfer and photo events to the read model; the consumer and the rebuild
share it. Each write is one guarded upsert, so duplicates, replays and events out of order
across pupils converge: registry columns only move to a higher record version, the photo and
transfer facts only to a later event time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prometheus_client import Gauge
from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.photo.v1.photo_events_pb2 import PhotoAccepted, PhotoReopened
from xueji.transfer.v1.transfer_events_pb2 import TransferCompleted
from xueji_common.events.consumer import Handler
from xueji_common.events.envelope import Envelope
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_export.read_model.snapshot import registry_values
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


async def _upsert(
    session: AsyncSession, values: dict[str, Any], guard: Any, columns: list[str]
) -> None:
    statement = insert(table).values(values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.pupil_id],
            set_={name: statement.excluded[name] for name in columns},
            where=guard,
        )
    )


async def _photo(session: AsyncSession, at: datetime, message: Any) -> None:
    if not message.pupil_id:
        return
    values = {
        "pupil_id": message.pupil_id,
        "has_photo": isinstance(message, PhotoAccepted),
        "photo_changed_at": at,
    }
    guard = or_(table.c.photo_changed_at.is_(None), table.c.photo_changed_at < at)
    await _upsert(session, values, guard, ["has_photo", "photo_changed_at"])


async def _transfer(session: AsyncSession, at: datetime, message: TransferCompleted) -> None:
    parties = message.parties
    if not parties.pupil_id:
        return
    if message.HasField("completed_at"):
        at = message.completed_at.ToDatetime(UTC)
    values = {
        "pupil_id": parties.pupil_id,
        "last_transfer_from": parties.sending_school.name or None,
        "last_transfer_on": at.date(),
        "transfer_completed_at": at,
    }
    guard = or_(table.c.transfer_completed_at.is_(None), table.c.transfer_completed_at < at)
    await _upsert(session, values, guard, list(values)[1:])


async def apply(session: AsyncSession, envelope: Envelope, message: object) -> None:
    """The effect of one event on the read model (no commit)."""
    if isinstance(message, (PhotoAccepted, PhotoReopened)):
        await _photo(session, envelope.time, message)
    elif isinstance(message, TransferCompleted):
        await _transfer(session, envelope.time, message)
    else:
        record = getattr(message, "pupil", None)
        if record is None or not record.pupil_id:
            return
        values = registry_values(record, envelope.time)
        guard = table.c.record_version < record.record_version
        await _upsert(session, values, guard, list(values)[1:])
    LAG_SECONDS.set(max((datetime.now(UTC) - envelope.time).total_seconds(), 0.0))


def handlers() -> dict[str, Handler]:
    async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
        await apply(uow.session, event.envelope, event.message)

    return {kind: handle for kind in APPLIED_TYPES}
