"""The school full-registry report (SPEC §3): who the school holds, and every field change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_registry.classes.tables import classes
from xueji_registry.error_codes import SCHOOL_NOT_FOUND
from xueji_registry.orgs.tables import org_units, schools
from xueji_registry.pupils.holders import active_record
from xueji_registry.pupils.reading.access import BUREAUS
from xueji_registry.pupils.tables import field_history, pupils

# Who may pull a whole school's registry: the school's registrar and reviewer, bureaus above.
REPORT_READERS = (Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER, *BUREAUS)


@dataclass(frozen=True)
class RegistryLine:
    national_number: str
    local_number: str | None
    name: str
    gender: str | None
    grade: int
    class_name: str | None
    graduation_year: int
    stage: str
    status: str


@dataclass(frozen=True)
class CorrectionLine:
    national_number: str
    name: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    actor_name: str
    actor_role: str
    changed_at: datetime


async def school_full_name(session: AsyncSession, actor: Principal, code: str) -> str:
    row = (
        await session.execute(
            select(schools.c.full_name, org_units.c.scope_path)
            .join(org_units, org_units.c.code == schools.c.code)
            .where(schools.c.code == code)
        )
    ).first()
    if row is None or actor.role not in REPORT_READERS or not actor.covers(row.scope_path):
        raise DomainError(SCHOOL_NOT_FOUND)
    return row.full_name


async def registry_lines(session: AsyncSession, code: str) -> list[RegistryLine]:
    rows = await session.execute(
        select(
            pupils.c.national_number,
            pupils.c.local_number,
            pupils.c.name,
            pupils.c.gender,
            pupils.c.grade,
            classes.c.name.label("class_name"),
            pupils.c.graduation_year,
            pupils.c.stage,
            pupils.c.status,
        )
        .outerjoin(classes, classes.c.id == pupils.c.class_id)
        .where(pupils.c.school_code == code, active_record())
        .order_by(pupils.c.grade, classes.c.code, pupils.c.national_number)
    )
    return [RegistryLine(**row._mapping) for row in rows]


async def correction_lines(session: AsyncSession, code: str) -> list[CorrectionLine]:
    rows = await session.execute(
        select(
            pupils.c.national_number,
            pupils.c.name,
            field_history.c.field,
            field_history.c.old_value,
            field_history.c.new_value,
            field_history.c.reason,
            field_history.c.actor_name,
            field_history.c.actor_role,
            field_history.c.changed_at,
        )
        .join(pupils, pupils.c.id == field_history.c.pupil_id)
        .where(pupils.c.school_code == code, pupils.c.deleted.is_(False))
        .order_by(field_history.c.changed_at, field_history.c.id)
    )
    return [CorrectionLine(**row._mapping) for row in rows]
