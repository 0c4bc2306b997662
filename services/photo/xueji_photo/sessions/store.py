"""Opening, resolving and revoking sessions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.org_replica import OrgReplica
from xueji_photo.access import Caller, ParentCaller
from xueji_photo.schools.teachers import teacher_principal
from xueji_photo.sessions.tables import access_sessions as t
from xueji_photo.sessions.tokens import new_token, token_hash

PARENT = "parent"
TEACHER = "teacher"


@dataclass(frozen=True)
class Opened:
    token: str  # given to the caller once, never stored
    expires_at: datetime


async def open_session(
    session: AsyncSession, kind: str, subject_id: str, ttl: timedelta, now: datetime
) -> Opened:
    # Sessions long expired are of no use to anyone: cleared on the way, no other job needed.
    await session.execute(delete(t).where(t.c.expires_at < now - ttl))
    token = new_token()
    values = {
        "id": uuid.uuid4(), "token_hash": token_hash(token), "kind": kind,
        "subject_id": subject_id, "created_at": now, "expires_at": now + ttl,
    }  # fmt: skip
    await session.execute(insert(t).values(values))
    return Opened(token, now + ttl)


async def resolve(
    session: AsyncSession, orgs: OrgReplica, token: str, now: datetime
) -> Caller | None:
    """The caller a live session makes; a teacher disabled since sign-in makes none."""
    row = (
        await session.execute(
            select(t.c.id, t.c.kind, t.c.subject_id).where(
                t.c.token_hash == token_hash(token), t.c.revoked_at.is_(None), t.c.expires_at > now
            )
        )
    ).first()
    if row is None:
        return None
    if row.kind == PARENT:
        return ParentCaller(str(row.id), row.subject_id)
    return await teacher_principal(session, orgs, row.subject_id)


async def revoke(session: AsyncSession, token: str, now: datetime) -> None:
    await session.execute(
        update(t)
        .where(t.c.token_hash == token_hash(token), t.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
