"""Image captchas: the picture goes to the client, the answer stays in the database."""

from __future__ import annotations

import asyncio
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from captcha.image import ImageCaptcha
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_photo.parents.tables import captchas as t

# No 0/O, 1/I/L: a parent should not fail on a glyph that reads two ways.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 5


@dataclass(frozen=True)
class Captcha:
    id: uuid.UUID
    png: bytes
    expires_at: datetime


def new_answer() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def answers_match(answer: str, given: str) -> bool:
    """Case does not matter; compared in constant time."""
    return hmac.compare_digest(answer.upper().encode(), given.strip().upper().encode())


@cache
def _drawer() -> ImageCaptcha:
    # One instance keeps its loaded fonts; drawing reads them only.
    return ImageCaptcha(width=200, height=70)


def render(answer: str) -> bytes:
    return _drawer().generate(answer, format="png").getvalue()


async def issue(session: AsyncSession, ttl: timedelta, now: datetime) -> Captcha:
    """A new captcha (expired ones are cleared on the way, no other job needed)."""
    answer = new_answer()
    png = await asyncio.to_thread(render, answer)
    captcha = Captcha(uuid.uuid4(), png, now + ttl)
    await session.execute(delete(t).where(t.c.expires_at <= now))
    await session.execute(
        insert(t).values(id=captcha.id, answer=answer, expires_at=captcha.expires_at)
    )
    return captcha


async def redeem(session: AsyncSession, captcha_id: uuid.UUID, given: str, now: datetime) -> bool:
    """True when the answer is right and the captcha still live; it is used up either way."""
    row = (
        await session.execute(
            delete(t).where(t.c.id == captcha_id).returning(t.c.answer, t.c.expires_at)
        )
    ).first()
    return row is not None and row.expires_at > now and answers_match(row.answer, given)
