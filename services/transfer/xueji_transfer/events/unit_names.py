"""Names of organisation units for event payloads, from the org replica, kept a few minutes:
every event names the schools and bureaus, and their names hardly ever change.

A code the replica lacks (the nation, a unit not replicated yet) is remembered as missing for a
few seconds, so that every event of a busy worker does not ask for it again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_transfer.schema import org_units

KEEP_SECONDS = 300.0
KEEP_MISSING_SECONDS = 10.0


class UnitNames:
    def __init__(self, keep_seconds: float = KEEP_SECONDS) -> None:
        self._keep = keep_seconds
        self._names: dict[str, tuple[str | None, float]] = {}

    async def of(self, session: AsyncSession, codes: Iterable[str]) -> dict[str, str]:
        """The known names of `codes`; a unit not replicated yet is simply left out."""
        wanted = set(codes)
        now = time.monotonic()
        stale = {c for c in wanted if c not in self._names or self._names[c][1] < now}
        if stale:
            table = org_units.table
            rows = await session.execute(
                select(table.c.code, table.c.name).where(table.c.code.in_(stale))
            )
            named = {row.code: row.name for row in rows}
            for code in stale:
                name = named.get(code)
                keep = self._keep if name is not None else min(self._keep, KEEP_MISSING_SECONDS)
                self._names[code] = (name, now + keep)
        return {c: name for c in wanted if (name := self._names[c][0]) is not None}
