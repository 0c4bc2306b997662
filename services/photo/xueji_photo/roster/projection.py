"""Applies pupil and transfer events to the roster; the live consumer and the rebuild share it."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.registry.v1 import pupil_events_pb2 as pupil_events
from xueji.transfer.v1.transfer_events_pb2 import TransferRecordMoved
from xueji_common.events.consumer import Handler
from xueji_common.events.envelope import Envelope
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_photo.roster.snapshot import (
    Snapshot,
    between_provinces,
    merged,
    snapshot_of,
    stored_snapshot,
)
from xueji_photo.roster.tables import roster_pupils

log = logging.getLogger(__name__)

# Every pupil event carries the whole record; the moves also say where the pupil came from.
PUPIL_EVENT_TYPES = (
    "pupil.created", "pupil.updated", "pupil.problem_detected", "pupil.problem_resolved",
    "pupil.registered", "pupil.status_changed", "pupil.transferred_out",
    "pupil.transferred_in", "pupil.corrected",
)  # fmt: skip
RECORD_MOVED = "transfer.record_moved"


class RosterProjection:
    def __init__(self, five_year_primary: frozenset[str]) -> None:
        self._five_year_primary = five_year_primary

    async def apply(self, session: AsyncSession, envelope: Envelope, message: object) -> None:
        """The effect of one event on the roster (no commit)."""
        if isinstance(message, TransferRecordMoved):
            await self._arrival(session, message)
            return
        record = getattr(message, "pupil", None)
        if record is None or not record.pupil_id:
            return
        arrived = isinstance(message, pupil_events.PupilTransferredIn) and between_provinces(
            message.sending_school, message.receiving_school
        )
        await self._merge(session, snapshot_of(record, arrived=arrived, at=envelope.time))

    async def _merge(self, session: AsyncSession, arriving: Snapshot) -> None:
        inserted = await session.execute(
            insert(roster_pupils)
            .values(arriving.values(self._five_year_primary))
            .on_conflict_do_nothing()
            .returning(roster_pupils.c.pupil_id)
        )
        if inserted.first() is not None:
            return
        row = await self._locked(session, arriving.pupil_id)
        if row is None:
            # Another pupil holds this national number at a newer version; never log it.
            log.warning("roster: pupil %s conflicts on national number", arriving.pupil_id)
            return
        stored = stored_snapshot(row)
        result = merged(stored, arriving)
        if result != stored:
            await session.execute(
                update(roster_pupils)
                .where(roster_pupils.c.pupil_id == arriving.pupil_id)
                .values(result.values(self._five_year_primary))
            )

    async def _arrival(self, session: AsyncSession, moved: TransferRecordMoved) -> None:
        parties = moved.parties
        if not between_provinces(parties.sending_school, parties.receiving_school):
            return
        key = (
            roster_pupils.c.pupil_id == parties.pupil_id
            if parties.pupil_id
            else roster_pupils.c.national_number == parties.pupil_national_number
        )
        row = (
            (await session.execute(select(roster_pupils).where(key).with_for_update()))
            .mappings()
            .first()
        )
        if row is None:
            return  # pupil.transferred_in, on the pupil topic, brings the pupil with the flag
        stored = stored_snapshot(row)
        await self._merge(session, replace(stored, arrived_from_other_province=True))

    async def _locked(self, session: AsyncSession, pupil_id: str) -> Mapping[str, object] | None:
        statement = (
            select(roster_pupils).where(roster_pupils.c.pupil_id == pupil_id).with_for_update()
        )
        return (await session.execute(statement)).mappings().first()

    def handlers(self) -> dict[str, Handler]:
        async def handle(event: IncomingEvent, uow: UnitOfWork) -> None:
            await self.apply(uow.session, event.envelope, event.message)

        return {kind: handle for kind in (*PUPIL_EVENT_TYPES, RECORD_MOVED)}
