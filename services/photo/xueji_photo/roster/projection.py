"""Applies pupil and transfer events to the roster; the live consumer and the rebuild share it.

Events are applied a batch at a time: a batch's snapshots of one pupil fold into one (the
merge is order-free), new pupils go in with one insert, known ones are locked, merged and
updated together.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace

from google.protobuf.message import Message
from sqlalchemy import ARRAY, bindparam, cast, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.registry.v1 import pupil_events_pb2 as pupil_events
from xueji.transfer.v1.transfer_events_pb2 import TransferRecordMoved
from xueji_common.events.envelope import Envelope
from xueji_photo.roster.snapshot import (
    Snapshot,
    between_provinces,
    merged,
    snapshot_of,
    stored_snapshot,
)
from xueji_photo.roster.tables import roster_pupils as t

log = logging.getLogger(__name__)

# Every pupil event carries the whole record; the moves also say where the pupil came from.
PUPIL_EVENT_TYPES = (
    "pupil.created", "pupil.updated", "pupil.problem_detected", "pupil.problem_resolved",
    "pupil.registered", "pupil.status_changed", "pupil.transferred_out",
    "pupil.transferred_in", "pupil.corrected",
)  # fmt: skip
RECORD_MOVED = "transfer.record_moved"
APPLIED_TYPES = frozenset({*PUPIL_EVENT_TYPES, RECORD_MOVED})
_UPDATED = [c.name for c in t.columns if c.name != "pupil_id"]
_COLUMNS = [c.name for c in t.columns]
# New pupils in one statement whatever their number: one array per column, unnested in step
# (far cheaper than a VALUES list of one bound parameter per cell). A pupil id or national
# number already on the roster is left to the merge below.
_INSERT_NEW = (
    insert(t)
    .from_select(
        _COLUMNS,
        select(*[
            func.unnest(cast(bindparam(c.name, type_=ARRAY(c.type)), ARRAY(c.type)))
            for c in t.columns
        ]),
    )
    .on_conflict_do_nothing()
    .returning(t.c.pupil_id)
)  # fmt: skip


def _snapshot(envelope: Envelope, message: Message) -> Snapshot | None:
    record = getattr(message, "pupil", None)
    if record is None or not record.pupil_id:
        return None
    arrived = isinstance(message, pupil_events.PupilTransferredIn) and between_provinces(
        message.sending_school, message.receiving_school
    )
    return snapshot_of(record, arrived=arrived, at=envelope.time)


class RosterProjection:
    def __init__(self, five_year_primary: frozenset[str]) -> None:
        self._five_year_primary = five_year_primary

    async def apply_many(
        self, session: AsyncSession, events: Iterable[tuple[Envelope, Message]]
    ) -> None:
        """The effect of events in their order on the roster (no commit)."""
        folded: dict[str, Snapshot] = {}
        arrivals: list[TransferRecordMoved] = []
        for envelope, message in events:
            if isinstance(message, TransferRecordMoved):
                arrivals.append(message)
            elif (snapshot := _snapshot(envelope, message)) is not None:
                earlier = folded.get(snapshot.pupil_id)
                folded[snapshot.pupil_id] = merged(earlier, snapshot) if earlier else snapshot
        if folded:
            await self._merge(session, list(folded.values()))
        for moved in arrivals:
            await self._arrival(session, moved)

    async def _merge(self, session: AsyncSession, arriving: Sequence[Snapshot]) -> None:
        rows = [s.values(self._five_year_primary) for s in arriving]
        columns = {name: [row[name] for row in rows] for name in _COLUMNS}
        inserted = set(await session.scalars(_INSERT_NEW, columns))
        known = [s for s in arriving if s.pupil_id not in inserted]
        if not known:
            return
        rows = await session.execute(
            select(t).where(t.c.pupil_id.in_([s.pupil_id for s in known])).with_for_update()
        )
        stored = {row["pupil_id"]: stored_snapshot(row) for row in rows.mappings()}
        changed = []
        for snapshot in known:
            if snapshot.pupil_id not in stored:
                # Another pupil holds this national number at a newer version; never log it.
                log.warning("roster: pupil %s conflicts on national number", snapshot.pupil_id)
                continue
            result = merged(stored[snapshot.pupil_id], snapshot)
            if result != stored[snapshot.pupil_id]:
                values = result.values(self._five_year_primary)
                changed.append({name: values[name] for name in _UPDATED} | {"key": result.pupil_id})
        if changed:
            statement = (
                update(t)
                .where(t.c.pupil_id == bindparam("key"))
                .values({name: bindparam(name) for name in _UPDATED})
            )
            await session.execute(statement, changed)

    async def _arrival(self, session: AsyncSession, moved: TransferRecordMoved) -> None:
        parties = moved.parties
        if not between_provinces(parties.sending_school, parties.receiving_school):
            return
        key = (
            t.c.pupil_id == parties.pupil_id
            if parties.pupil_id
            else t.c.national_number == parties.pupil_national_number
        )
        row = (await session.execute(select(t).where(key).with_for_update())).mappings().first()
        if row is None:
            return  # pupil.transferred_in, on the pupil topic, brings the pupil with the flag
        arrived = replace(stored_snapshot(row), arrived_from_other_province=True)
        await self._merge(session, [arrived])
