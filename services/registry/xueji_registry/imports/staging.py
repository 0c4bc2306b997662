"""Applying prepared rows in bulk, on the unit of work's own connection and transaction.

A batch of chunks' pupils, their outbox events and their number history are
COPYed straight into their tables, under a savepoint. The one-person-one-record
indexes still decide: when one of them turns a row away (the record exists
already, or a concurrent import at another school holds the person), the
savepoint is rolled back and the batch goes the careful way: COPY into
temporary tables, then one statement inserts the pupils (`ON CONFLICT DO
NOTHING`), the events and the numbers of the pupils it inserted. Rows of this
import whose ID number an earlier row of the import already holds go the
careful way at once. Rows found to be duplicates only later are taken out
again before commit: nothing is visible before it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.contracts import event_type
from xueji_registry.imports.bulk_record import NUMBER_COLUMNS, OUTBOX_COLUMNS, StagedRecords
from xueji_registry.schema import SCHEMA

_CREATED = event_type("pupil.created")
_SAVEPOINT = "import_chunk_direct"


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    """The asyncpg connection under the session, inside the session's transaction."""
    # SQLAlchemy begins the transaction with its first statement; run one, so that what is
    # sent on the raw connection is part of it (temporary tables included).
    await session.execute(text("SELECT 1"))
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


@dataclass(frozen=True)
class SkippedRow:
    """Staged but not inserted: another active record holds the ID or national number."""

    row: int
    id_number: str | None


@dataclass(frozen=True)
class _Lines:
    """Some lines of a chunk's staged records, in chunk order."""

    rows: list[int]
    pupils: bytes
    events: bytes
    numbers: bytes


class ImportStaging:
    def __init__(
        self,
        connection: asyncpg.Connection,
        columns: Sequence[str],
        *,
        import_id: str,
    ) -> None:
        self._connection = connection
        self._columns = list(columns)  # of the pupils lines
        self._import_id = import_id
        # ID-number hashes of the rows this import has staged so far: a row whose hash is here
        # would fail the direct COPY (and roll back its whole batch), so it goes the careful way.
        self._staged_keys: set[int] = set()

    async def create(self) -> None:
        await self._connection.execute(
            f"""
            CREATE TEMP TABLE import_chunk ON COMMIT DROP AS
                SELECT * FROM {SCHEMA}.pupils WITH NO DATA;
            ALTER TABLE import_chunk ADD COLUMN position integer GENERATED ALWAYS AS IDENTITY;
            CREATE TEMP TABLE import_events ON COMMIT DROP AS
                SELECT {", ".join(OUTBOX_COLUMNS)} FROM {SCHEMA}.outbox WITH NO DATA;
            CREATE TEMP TABLE import_numbers ON COMMIT DROP AS
                SELECT {", ".join(NUMBER_COLUMNS)} FROM {SCHEMA}.pupil_numbers WITH NO DATA;
            """
        )

    async def apply(self, staged: StagedRecords) -> list[SkippedRow]:
        """Insert one batch; the rows another active record already holds come back."""
        skipped: list[SkippedRow] = []
        for careful, lines in self._runs(staged):
            if careful or not await self._copy(lines):
                skipped += await self._insert_carefully(lines)
        return skipped

    def _runs(self, staged: StagedRecords) -> Iterator[tuple[bool, _Lines]]:
        """The batch's lines in runs that go the same way (careful or not), in file order."""
        keys = staged.id_keys
        chunk_keys = set(keys)
        clashing = chunk_keys & self._staged_keys
        self._staged_keys |= chunk_keys
        if not clashing and len(chunk_keys) == len(keys):
            yield False, _Lines(list(staged.rows), staged.pupils, staged.events, staged.numbers)
            return
        seen: set[int] = set()
        careful: list[bool] = []
        for key in keys:
            careful.append(key in clashing or key in seen)
            seen.add(key)
        pupils = staged.pupils.split(b"\n")
        events = staged.events.split(b"\n")
        numbers = staged.numbers.split(b"\n")
        start = 0
        for is_careful, run in groupby(careful):
            end = start + len(list(run))
            yield is_careful, _Lines(
                list(staged.rows[start:end]),
                b"\n".join(pupils[start:end]) + b"\n",
                b"\n".join(events[start:end]) + b"\n",
                b"\n".join(numbers[start:end]) + b"\n",
            )
            start = end

    async def _copy(self, lines: _Lines) -> bool:
        """COPY the lines into the tables; False (and nothing inserted) when an index of one
        person, one record turned a row away."""
        connection = self._connection
        await connection.execute(f"SAVEPOINT {_SAVEPOINT}")
        try:
            await self._copy_into("pupils", self._columns, lines.pupils, SCHEMA)
            await self._copy_into("outbox", OUTBOX_COLUMNS, lines.events, SCHEMA)
            await self._copy_into("pupil_numbers", NUMBER_COLUMNS, lines.numbers, SCHEMA)
        except asyncpg.UniqueViolationError:
            await connection.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
            return False
        await connection.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
        return True

    async def _copy_into(
        self, table: str, columns: Sequence[str], data: bytes, schema: str | None = None
    ) -> None:
        await self._connection.copy_to_table(
            table, schema_name=schema, source=io.BytesIO(data), columns=list(columns),
            format="text",
        )  # fmt: skip

    async def _insert_carefully(self, lines: _Lines) -> list[SkippedRow]:
        connection = self._connection
        await connection.execute(
            "TRUNCATE import_chunk, import_events, import_numbers RESTART IDENTITY"
        )
        await self._copy_into("import_chunk", self._columns, lines.pupils)
        await self._copy_into("import_events", OUTBOX_COLUMNS, lines.events)
        await self._copy_into("import_numbers", NUMBER_COLUMNS, lines.numbers)
        pupil_columns = ", ".join(f'"{c}"' for c in self._columns)
        outbox_columns = ", ".join(OUTBOX_COLUMNS)
        number_columns = ", ".join(NUMBER_COLUMNS)
        found = await connection.fetch(
            f"""
            WITH inserted AS (
                INSERT INTO {SCHEMA}.pupils ({pupil_columns})
                SELECT {pupil_columns} FROM import_chunk ORDER BY position
                ON CONFLICT DO NOTHING
                RETURNING id
            ), events AS (
                INSERT INTO {SCHEMA}.outbox ({outbox_columns})
                SELECT {", ".join(f"e.{c}" for c in OUTBOX_COLUMNS)}
                FROM import_events e
                JOIN import_chunk c ON c.id::text = e.subject
                JOIN inserted i ON i.id = c.id
                ORDER BY c.position
            ), numbers AS (
                INSERT INTO {SCHEMA}.pupil_numbers ({number_columns})
                SELECT {", ".join(f"n.{c}" for c in NUMBER_COLUMNS)}
                FROM import_numbers n JOIN inserted i ON i.id = n.pupil_id
            )
            SELECT c.position, c.id_number
            FROM import_chunk c LEFT JOIN inserted i ON i.id = c.id
            WHERE i.id IS NULL
            ORDER BY c.position
            """
        )
        return [SkippedRow(lines.rows[r["position"] - 1], r["id_number"]) for r in found]

    async def withdraw(self, id_numbers: Sequence[str]) -> int:
        """Take this import's records of these ID numbers out again, with their events and
        numbers; how many records that was."""
        taken = await self._connection.fetch(
            f"""
            WITH gone AS (
                SELECT id FROM {SCHEMA}.pupils
                WHERE import_batch_id = $1 AND id_number = ANY($2::text[])
            ), events AS (
                DELETE FROM {SCHEMA}.outbox
                WHERE event_type = $3 AND subject IN (SELECT id::text FROM gone)
            ), numbers AS (
                DELETE FROM {SCHEMA}.pupil_numbers WHERE pupil_id IN (SELECT id FROM gone)
            )
            SELECT id FROM gone
            """,
            self._import_id,
            list(id_numbers),
            _CREATED.name,
        )
        if taken:
            # A statement of its own: the number rows deleted above reference these pupils.
            await self._connection.execute(
                f"DELETE FROM {SCHEMA}.pupils WHERE id = ANY($1::uuid[])", [r["id"] for r in taken]
            )
        return len(taken)
