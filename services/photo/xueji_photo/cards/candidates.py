"""The accepted grade-1 photos of a unit's pupils not yet in a card batch, oldest first."""

from __future__ import annotations

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_photo.cards.selection import Candidate
from xueji_photo.cards.tables import card_batch_members as m
from xueji_photo.roster.cohorts import ENROLLED, Cohort
from xueji_photo.roster.tables import roster_pupils as r
from xueji_photo.schema import org_units
from xueji_photo.uploads.tables import photos as p


async def next_candidates(session: AsyncSession, unit_scope: str, size: int) -> list[Candidate]:
    """Locks the photos it returns: a reopening of one of them waits for the batch."""
    o = org_units.table
    statement = (
        select(
            p.c.id.label("photo_id"), p.c.pupil_id, p.c.national_number, r.c.name,
            r.c.school_code, func.coalesce(o.c.name, "").label("school_name"),
            p.c.acceptance_sequence, p.c.accepted_at, p.c.object_key,
            exists().where(m.c.pupil_id == p.c.pupil_id).label("carded_before"),
        )
        .join(r, r.c.pupil_id == p.c.pupil_id)
        .outerjoin(o, o.c.code == r.c.school_code)
        .where(
            p.c.reopened_at.is_(None),
            p.c.cohort == Cohort.GRADE_ONE_ENTRANT.value,
            r.c.status == ENROLLED,
            r.c.scope_path.startswith(unit_scope),
            ~exists().where(m.c.photo_id == p.c.id),
        )
        .order_by(p.c.acceptance_sequence)
        .limit(size)
        .with_for_update(of=p)
    )  # fmt: skip
    rows = await session.execute(statement)
    return [Candidate(**row) for row in rows.mappings()]
