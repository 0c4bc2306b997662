"""A parent signs in with the pupil's 学籍副号, the pupil's name and a captcha.

An unknown number and a wrong name get one answer, and a wrong captcha is checked first, so
nothing tells which numbers exist. Each failure counts against the number and the address.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_photo import error_codes
from xueji_photo.parents import captchas
from xueji_photo.parents.names import same_name
from xueji_photo.roster.tables import roster_pupils as t
from xueji_photo.sessions.store import PARENT, Opened, open_session
from xueji_photo.signing_in.attempts import Throttle

NUMBER = "local_number"


@dataclass(frozen=True)
class ParentSignIn:
    local_number: str
    name: str
    captcha_id: uuid.UUID
    captcha_answer: str


async def matching_pupil(session: AsyncSession, local_number: str, name: str) -> str | None:
    """The one pupil with this number and name (numbers are unique within a province only)."""
    rows = await session.execute(
        select(t.c.pupil_id, t.c.name).where(t.c.local_number == local_number)
    )
    matches = [row.pupil_id for row in rows if same_name(row.name, name)]
    return matches[0] if len(matches) == 1 else None


async def sign_in(
    db: Database,
    throttle: Throttle,
    form: ParentSignIn,
    address: str,
    ttl: timedelta,
    now: datetime,
) -> Opened:
    number = form.local_number.strip()
    subjects = throttle.subjects(NUMBER, number, address)
    refusal = error_codes.PHOTO_CAPTCHA_WRONG
    opened: Opened | None = None
    async with db.sessions() as session, session.begin():
        await throttle.refuse_if_locked(session, subjects, now)
        if await captchas.redeem(session, form.captcha_id, form.captcha_answer, now):
            refusal = error_codes.PHOTO_PARENT_NOT_MATCHED
            pupil_id = await matching_pupil(session, number, form.name)
            if pupil_id is not None:
                opened = await open_session(session, PARENT, pupil_id, ttl, now)
        if opened is None:
            await throttle.failed(session, subjects, now)
    if opened is None:
        # Committed first: the failure counts even though the sign-in is refused.
        raise DomainError(refusal)
    return opened
