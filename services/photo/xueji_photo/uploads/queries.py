"""Reading a pupil off the roster and their photo."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_photo.roster.tables import roster_pupils
from xueji_photo.uploads.decision import PupilOnRoster
from xueji_photo.uploads.tables import photos


async def pupil_by_number(session: AsyncSession, national_number: str) -> PupilOnRoster | None:
    t = roster_pupils
    row = (
        await session.execute(
            select(
                t.c.pupil_id, t.c.national_number, t.c.school_code, t.c.scope_path,
                t.c.province_code, t.c.status, t.c.cohort,
            ).where(t.c.national_number == national_number)
        )
    ).first()  # fmt: skip
    return PupilOnRoster(*row) if row is not None else None


async def accepted_photo(session: AsyncSession, pupil_id: str) -> Mapping[str, object] | None:
    """The pupil's final photo (none once reopened)."""
    statement = select(photos).where(photos.c.pupil_id == pupil_id, photos.c.reopened_at.is_(None))
    return (await session.execute(statement)).mappings().first()
