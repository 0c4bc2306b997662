"""Finding a pupil by national number, temporary number, earlier number or ID number."""

from __future__ import annotations

from sqlalchemy import case, select
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
    number = normalise_identifier(raw)
    if len(number) == ID_NUMBER_LENGTH:
        match = pupils.c.id_number == number
    else:
        earlier = select(pupil_numbers.c.pupil_id).where(pupil_numbers.c.national_number == number)
        match = (pupils.c.national_number == number) | pupils.c.id.in_(earlier)
    pupil_id = await session.scalar(
        select(pupils.c.id)
        .where(match, pupils.c.deleted.is_(False))
        .order_by(case((active_record(), 0), else_=1), pupils.c.updated_at.desc())
        .limit(1)
    )
    if pupil_id is None:
        return None
    return await load_state(session, pupil_id, lock=lock)
