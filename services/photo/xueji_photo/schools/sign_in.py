"""A teacher signs in with username and password; failures count against the username and
the client address, as a parent's do against the number."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_common.passwords import verify_password
from xueji_photo import error_codes
from xueji_photo.schools.teachers import active_teacher
from xueji_photo.sessions.store import TEACHER, Opened, open_session
from xueji_photo.signing_in.attempts import Throttle

USERNAME = "teacher_username"


async def sign_in(
    db: Database, throttle: Throttle, username: str, password: str, address: str,
    ttl: timedelta, now: datetime,
) -> Opened:  # fmt: skip
    subjects = throttle.subjects(USERNAME, username.lower(), address)
    opened: Opened | None = None
    async with db.sessions() as session, session.begin():
        await throttle.refuse_if_locked(session, subjects, now)
        teacher_id, password_hash = await active_teacher(session, username)
        # An unknown or disabled teacher costs the same hash as a known one.
        if await asyncio.to_thread(verify_password, password_hash, password):
            opened = await open_session(session, TEACHER, teacher_id, ttl, now)
        else:
            await throttle.failed(session, subjects, now)
    if opened is None:
        raise DomainError(error_codes.PHOTO_TEACHER_SIGN_IN_FAILED)
    return opened
