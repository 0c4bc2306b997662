"""The throttle against the database: failures are rows, so every replica counts them all.

A sign-in holds a transaction-scoped advisory lock on each of its subjects while it decides,
so two attempts for one number cannot both slip under the limit.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_photo.signing_in.tables import failed_sign_ins as t
from xueji_photo.signing_in.throttle import Limit, SignInLimits, locked_error, locked_until


@dataclass(frozen=True)
class Subject:
    key: str  # sha256 of kind and value
    limit: Limit


def subject_key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


class Throttle:
    def __init__(self, limits: SignInLimits) -> None:
        self._limits = limits

    def subjects(self, kind: str, value: str, address: str) -> tuple[Subject, ...]:
        """What one attempt is counted against: the number (or username) and the address."""
        return (
            Subject(subject_key(kind, value), self._limits.per_number),
            Subject(subject_key("address", address), self._limits.per_address),
        )

    async def refuse_if_locked(
        self, session: AsyncSession, subjects: tuple[Subject, ...], now: datetime
    ) -> None:
        """Takes the subjects' locks (to the transaction's end), then refuses a locked one."""
        for subject in sorted(subjects, key=lambda s: s.key):
            lock_id = func.hashtextextended(subject.key, 0)
            await session.execute(select(func.pg_advisory_xact_lock(lock_id)))
        untils = [await self._locked_until(session, subject, now) for subject in subjects]
        latest = max((until for until in untils if until is not None), default=None)
        if latest is not None:
            raise locked_error(latest, now)

    async def _locked_until(
        self, session: AsyncSession, subject: Subject, now: datetime
    ) -> datetime | None:
        failures = await session.scalars(
            select(t.c.failed_at)
            .where(t.c.subject == subject.key, t.c.failed_at > now - subject.limit.within)
            .order_by(t.c.failed_at.desc())
            .limit(subject.limit.max_failures)
        )
        return locked_until(failures, subject.limit, now)

    async def failed(
        self, session: AsyncSession, subjects: tuple[Subject, ...], now: datetime
    ) -> None:
        """Records the failure; a subject's failures older than its window no longer count."""
        for subject in subjects:
            await session.execute(
                delete(t).where(
                    t.c.subject == subject.key, t.c.failed_at <= now - subject.limit.within
                )
            )
        await session.execute(insert(t), [{"subject": s.key, "failed_at": now} for s in subjects])
