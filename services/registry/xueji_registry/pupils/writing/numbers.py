"""Issuing temporary (L) and J national numbers: area + birth date + a 3-digit sequence.

Sequences come from a counter row per prefix, bumped in a short transaction of their own,
like a PostgreSQL sequence: an import running for minutes never holds a counter lock that
another school's import would wait on, and an aborted transaction only leaves a gap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy.dialects.postgresql import insert

from xueji_common.db import Database
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.domain.id_generation import MAX_SEQUENCE
from xueji_registry.pupils.model import compose_number
from xueji_registry.pupils.tables import number_counters

_CHUNK = 5000


class NumberAllocator:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def issue(self, prefixes: Sequence[str]) -> list[str]:
        """One new number per prefix given (a prefix may repeat), in the same order."""
        if not prefixes:
            return []
        wanted = sorted(Counter(prefixes).items())
        last: dict[str, int] = {}
        async with self._db.engine.begin() as connection:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                statement = insert(number_counters).values(
                    [{"prefix": prefix, "last": count} for prefix, count in chunk]
                )
                statement = statement.on_conflict_do_update(
                    index_elements=[number_counters.c.prefix],
                    set_={"last": number_counters.c.last + statement.excluded["last"]},
                ).returning(number_counters.c.prefix, number_counters.c.last)
                last.update({row.prefix: row.last for row in await connection.execute(statement)})
        following = {prefix: last[prefix] - count + 1 for prefix, count in wanted}
        numbers = []
        for prefix in prefixes:
            sequence = following[prefix]
            following[prefix] += 1
            if sequence > MAX_SEQUENCE:
                raise DomainError(error_codes.NATIONAL_NUMBER_EXHAUSTED, detail=prefix)
            numbers.append(compose_number(prefix, sequence))
        return numbers
