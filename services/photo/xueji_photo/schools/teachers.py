"""Teachers registered with a school's code: registering, signing in, the caller they make,
and the county disabling one."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgReplica
from xueji_common.passwords import hash_password
from xueji_photo import error_codes
from xueji_photo.schools.accounts import (
    check_teacher_password,
    checked_real_name,
    checked_username,
)
from xueji_photo.schools.codes import registering_code
from xueji_photo.schools.registration import code_typed
from xueji_photo.schools.tables import teachers as t

ACCOUNT_PREFIX = "photo-teacher:"
# What is shown of a teacher: never the password hash.
SHOWN = (t.c.id, t.c.school_code, t.c.real_name, t.c.username, t.c.registered_at,
         t.c.disabled_at)  # fmt: skip


@dataclass(frozen=True)
class TeacherRegistration:
    registration_code: str
    real_name: str
    username: str
    password: str


async def register(session: AsyncSession, form: TeacherRegistration, now: datetime) -> dict:
    """A teacher of the code's school; the rules are checked before anything is looked up."""
    username = checked_username(form.username)
    real_name = checked_real_name(form.real_name)
    check_teacher_password(form.password)
    code = registering_code(await code_typed(session, form.registration_code))
    password_hash = await asyncio.to_thread(hash_password, form.password)
    try:
        async with session.begin_nested():
            row = await session.execute(
                insert(t).values(
                    id=uuid.uuid4(), school_code=code.school_code, real_name=real_name,
                    username=username, password_hash=password_hash,
                    registration_code_id=uuid.UUID(code.id), registered_at=now,
                ).returning(*SHOWN)
            )  # fmt: skip
    except IntegrityError:
        raise DomainError(error_codes.PHOTO_TEACHER_USERNAME_TAKEN, field="username") from None
    return dict(row.mappings().one())


async def active_teacher(session: AsyncSession, username: str) -> tuple[str, str | None]:
    row = (
        await session.execute(
            select(t.c.id, t.c.password_hash).where(
                t.c.username == username.lower(), t.c.disabled_at.is_(None)
            )
        )
    ).first()
    return (str(row.id), row.password_hash) if row is not None else ("", None)


async def teacher_principal(
    session: AsyncSession, orgs: OrgReplica, teacher_id: str
) -> Principal | None:
    """A teacher signed in is a class teacher of the school; disabled, nobody."""
    row = (
        await session.execute(
            select(t.c.school_code, t.c.real_name).where(
                t.c.id == uuid.UUID(teacher_id), t.c.disabled_at.is_(None)
            )
        )
    ).first()
    school = await orgs.find(session, row.school_code) if row is not None else None
    if row is None or school is None:
        return None
    return Principal(
        account_id=ACCOUNT_PREFIX + teacher_id, name=row.real_name, role=Role.CLASS_TEACHER,
        unit_code=school.code, unit_kind=UnitKind.SCHOOL, unit_path=school.path,
    )  # fmt: skip


async def school_teachers(session: AsyncSession, school_code: str) -> list[dict]:
    rows = await session.execute(
        select(*SHOWN).where(t.c.school_code == school_code).order_by(t.c.registered_at)
    )
    return [dict(row) for row in rows.mappings()]


async def disable(
    session: AsyncSession, officer: Principal, school_code: str, teacher_id: uuid.UUID,
    now: datetime,
) -> dict | None:  # fmt: skip
    """Disables the teacher (their sessions stop at once); None when not the school's."""
    await session.execute(
        update(t)
        .where(t.c.id == teacher_id, t.c.school_code == school_code, t.c.disabled_at.is_(None))
        .values(disabled_at=now, disabled_by=officer.account_id)
    )
    row = await session.execute(
        select(*SHOWN).where(t.c.id == teacher_id, t.c.school_code == school_code)
    )
    found = row.mappings().first()
    return dict(found) if found is not None else None
