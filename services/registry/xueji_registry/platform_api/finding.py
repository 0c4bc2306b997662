"""Finding a pupil by national number, temporary number, earlier number or ID number."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, case, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_registry.domain.text_width import normalise_identifier
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.rows import load_state
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupil_numbers, pupils

ID_NUMBER_LENGTH = 18


async def find_pupil(session: AsyncSession, raw: str, *, lock: bool = False) -> PupilState | None:
    """The record a number names, preferring an active one; deleted records are not found.

    18 characters are an ID number; anything else a national number, current or earlier
    (an L number the pupil held before the upgrade to G still finds them).
    """
    pupil_id = await session.scalar(_lookup_query(normalise_identifier(raw)))
    if pupil_id is None:
        return None
    return await load_state(session, pupil_id, lock=lock)


def _lookup_query(number: str) -> Select[tuple[uuid.UUID]]:
    """The id of the record `number` (normalised) names, by index lookups only."""
    if len(number) == ID_NUMBER_LENGTH:
        match = pupils.c.id_number == number
    else:
        # A union of two index lookups: `national_number = n OR id IN (…)` cannot use an index
        # for the OR, and scanned every record in the country on each lookup.
        holders = select(pupils.c.id).where(pupils.c.national_number == number)
        earlier = select(pupil_numbers.c.pupil_id).where(pupil_numbers.c.national_number == number)
        match = pupils.c.id.in_(holders.union(earlier))
    return (
        select(pupils.c.id)
        .where(match, pupils.c.deleted.is_(False))
        .order_by(case((active_record(), 0), else_=1), pupils.c.updated_at.desc())
        .limit(1)
    )
