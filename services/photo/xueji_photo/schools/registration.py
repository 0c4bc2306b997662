"""Issuing and revoking a school's registration code, and finding the code a teacher types."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_photo.schools.codes import IssuedCode, code_hash, new_code
from xueji_photo.schools.tables import registration_codes as t


def _issued(row: object) -> IssuedCode:
    return IssuedCode(str(row.id), row.school_code, row.issued_at, row.revoked_at)  # type: ignore[attr-defined]


async def revoke_code(
    session: AsyncSession, officer: Principal, school_code: str, now: datetime
) -> bool:
    """Revokes the school's live code; False when it had none."""
    revoked = await session.execute(
        update(t)
        .where(t.c.school_code == school_code, t.c.revoked_at.is_(None))
        .values(revoked_at=now, revoked_by=officer.account_id)
        .returning(t.c.id)
    )
    return revoked.first() is not None


async def issue_code(
    session: AsyncSession, officer: Principal, school_code: str, now: datetime
) -> str:
    """A new code for the school, the old one revoked; the code itself is returned once."""
    await revoke_code(session, officer, school_code, now)
    code = new_code()
    await session.execute(
        insert(t).values(
            id=uuid.uuid4(), school_code=school_code, code_hash=code_hash(code),
            issued_by=officer.account_id, issued_at=now,
        )
    )  # fmt: skip
    return code


async def live_code(session: AsyncSession, school_code: str) -> IssuedCode | None:
    row = (
        await session.execute(
            select(t).where(t.c.school_code == school_code, t.c.revoked_at.is_(None))
        )
    ).first()
    return _issued(row) if row is not None else None


async def code_typed(session: AsyncSession, code: str) -> IssuedCode | None:
    """The code as typed, live or revoked."""
    row = (await session.execute(select(t).where(t.c.code_hash == code_hash(code)))).first()
    return _issued(row) if row is not None else None
