"""A unit's graduating pupils of one stage, each with their accepted photo or none."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_photo.roster.cohorts import ENROLLED, Cohort
from xueji_photo.roster.tables import roster_pupils as r
from xueji_photo.schema import org_units
from xueji_photo.uploads.tables import photos as p

# The roster's cohort names a pupil graduating in their province's final grade of the stage
# (primary 5 in the five-year provinces, else 6; junior 3; senior 3).
STAGES = ("primary", "junior", "senior")


@dataclass(frozen=True)
class Graduate:
    national_number: str
    name: str
    school_code: str
    school_name: str
    grade: int
    object_key: str | None
    accepted_at: datetime | None

    @property
    def file_name(self) -> str:
        return f"photos/{self.school_code}/{self.national_number}.jpg"


def _graduates(unit_scope: str, stage: str) -> Select:
    o = org_units.table
    return (
        select(
            r.c.national_number, r.c.name, r.c.school_code,
            func.coalesce(o.c.name, "").label("school_name"), r.c.grade, p.c.object_key,
            p.c.accepted_at,
        )
        .outerjoin(p, and_(p.c.pupil_id == r.c.pupil_id, p.c.reopened_at.is_(None)))
        .outerjoin(o, o.c.code == r.c.school_code)
        .where(
            r.c.cohort == Cohort.GRADUATING.value, r.c.stage == stage, r.c.status == ENROLLED,
            r.c.scope_path.startswith(unit_scope),
        )
    )  # fmt: skip


async def count_graduates(session: AsyncSession, unit_scope: str, stage: str) -> int:
    counted = select(func.count()).select_from(_graduates(unit_scope, stage).subquery())
    return int(await session.scalar(counted) or 0)


async def graduates(session: AsyncSession, unit_scope: str, stage: str) -> Sequence[Graduate]:
    rows = await session.execute(
        _graduates(unit_scope, stage).order_by(r.c.school_code, r.c.national_number)
    )
    return [Graduate(**row) for row in rows.mappings()]
