"""When failed sign-ins lock a number or an address out, and the message saying until when
(pure; the attempts themselves are in the database, so every replica counts the same)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from xueji_common.errors import DomainError
from xueji_photo import error_codes

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Limit:
    max_failures: int
    within: timedelta
    lockout: timedelta


@dataclass(frozen=True)
class SignInLimits:
    per_number: Limit  # a 学籍副号, or a teacher's username
    per_address: Limit


def locked_until(failures: Iterable[datetime], limit: Limit, now: datetime) -> datetime | None:
    """Locked once `max_failures` failures fall within `within` of now; the lock lasts
    `lockout` from the latest of them. Attempts refused by the lock are not failures, so a
    lock does not extend itself."""
    recent = sorted(at for at in failures if now - limit.within < at <= now)
    if len(recent) < limit.max_failures:
        return None
    until = recent[-1] + limit.lockout
    return until if until > now else None


def retry_time(until: datetime, now: datetime) -> str:
    """The minute from which a new attempt is taken, in China's time: '14:05', or with the
    date when that is not today."""
    local = until.astimezone(CHINA)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == now.astimezone(CHINA).date():
        return clock
    return f"{local.month}月{local.day}日 {clock}"


def locked_error(until: datetime, now: datetime) -> DomainError:
    code = error_codes.PHOTO_SIGN_IN_LOCKED
    message = code.message.format(until=retry_time(until, now))
    wait = math.ceil((until - now).total_seconds())
    return DomainError(
        replace(code, message=message),
        extra={"retry_at": until.isoformat(), "retry_after_seconds": wait},
    )
