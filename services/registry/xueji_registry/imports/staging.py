"""Applying prepared rows in bulk, on the unit of work's own connection and transaction.

A batch of chunks' pupils, their outbox rows (appended by the unit of work's
`OutboxRows`) and their number history are COPYed straight into their tables,
under a savepoint. The one-person-one-record indexes still decide: when one of
them turns a row away (the record exists already, or a concurrent import at
another school holds the person), the savepoint is rolled back and the batch
goes the careful way: COPY into temporary tables, then one statement inserts
the pupils (`ON CONFLICT DO NOTHING`) and the numbers of the pupils it
inserted, and `OutboxRows` appends those pupils' events. Rows of this import
whose ID number an earlier row of the import already holds go the careful way
at once. Rows found to be duplicates only later are taken out
again before commit: nothing is visible before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

import asyncpg

from xueji_common.contracts import event_type
from xueji_common.copy_text import copy_into
from xueji_common.outbox.rows import OutboxRows
from xueji_registry.imports.bulk_record import NUMBER_COLUMNS, StagedRecords
from xueji_registry.schema import SCHEMA

_CREATED = event_type("pupil.created")
_SAVEPOINT = "import_chunk_direct"


@dataclass(frozen=True)
class SkippedRow:
    """Staged but not inserted: another active record holds the ID or national number."""

    row: int
    id_number: str | None


@dataclass
class _Lines:
    """Lines of staged records, in file order, as pieces of COPY text per table."""

    rows: list[int] = field(default_factory=list)
    pupils: list[bytes] = field(default_factory=list)
    events: list[bytes] = field(default_factory=list)
    numbers: list[bytes] = field(default_factory=list)

    def add(self, rows: Sequence[int], pupils: bytes, events: bytes, numbers: bytes) -> None:
        self.rows += rows
        self.pupils.append(pupils)
        self.events.append(events)
        self.numbers.append(numbers)


def _line_starts(data: bytes) -> list[int]:
    """Where each line starts, and the end of the data."""
    starts = [0]
    position = data.find(b"\n")
    while position >= 0:
        starts.append(position + 1)
        position = data.find(b"\n", position + 1)
    return starts


def _without_lines(data: bytes, left_out: Sequence[int]) -> bytes:
    """The lines of `data` but those at the 0-based positions `left_out` (ascending)."""
    starts = _line_starts(data)
    kept, first = [], 0
    for at in left_out:
        kept.append(data[starts[first] : starts[at]])
        first = at + 1
    kept.append(data[starts[first] :])
    return b"".join(kept)


class ImportStaging:
    def __init__(
        self,
        connection: asyncpg.Connection,
        outbox: OutboxRows,
        columns: Sequence[str],
        *,
        import_id: str,
    ) -> None:
        self._connection = connection
        self._outbox = outbox
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
            CREATE TEMP TABLE import_numbers ON COMMIT DROP AS
                SELECT {", ".join(NUMBER_COLUMNS)} FROM {SCHEMA}.pupil_numbers WITH NO DATA;
            """
        )

    async def apply(self, batch: Sequence[StagedRecords]) -> list[SkippedRow]:
        """Insert a batch of chunks' records under one savepoint; the rows another active
        record already holds come back."""
        direct, careful = self._route(batch)
        skipped: list[SkippedRow] = []
        if direct.rows and not await self._copy(direct):
            skipped += await self._insert_carefully(direct)
        if careful.rows:
            # Nearly always repeats of rows just inserted: skipped, so no event comes out of
            # file order.
            skipped += await self._insert_carefully(careful)
        return skipped

    def _route(self, batch: Sequence[StagedRecords]) -> tuple[_Lines, _Lines]:
        """The batch's lines that can be COPYed straight in, and those repeating an ID number
        of an earlier row of the import; each in file order."""
        direct, careful = _Lines(), _Lines()
        for part in batch:
            keys = part.id_keys
            part_keys = set(keys)
            clashing = part_keys & self._staged_keys
            self._staged_keys |= part_keys
            if not clashing and len(part_keys) == len(keys):
                direct.add(part.rows, part.pupils, part.events, part.numbers)
                continue
            seen: set[int] = set()
            flags: list[bool] = []
            for key in keys:
                flags.append(key in clashing or key in seen)
                seen.add(key)
            streams = (part.pupils, part.events, part.numbers)
            starts = [_line_starts(stream) for stream in streams]
            first = 0
            for is_careful, run in groupby(flags):
                last = first + len(list(run))
                pupils, events, numbers = (
                    stream[at[first] : at[last]] for stream, at in zip(streams, starts, strict=True)
                )
                (careful if is_careful else direct).add(
                    part.rows[first:last], pupils, events, numbers
                )
                first = last
        return direct, careful

    async def _copy(self, lines: _Lines) -> bool:
        """COPY the lines into the tables; False (and nothing inserted) when an index of one
        person, one record turned a row away."""
        connection = self._connection
        await connection.execute(f"SAVEPOINT {_SAVEPOINT}")
        try:
            await self._copy_into("pupils", self._columns, lines.pupils, SCHEMA)
            await self._outbox.append(lines.events)
            await self._copy_into("pupil_numbers", NUMBER_COLUMNS, lines.numbers, SCHEMA)
        except asyncpg.UniqueViolationError:
            await connection.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
            return False
        await connection.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
        return True

    async def _copy_into(
        self, table: str, columns: Sequence[str], pieces: Sequence[bytes], schema: str | None = None
    ) -> None:
        await copy_into(self._connection, table, columns, pieces, schema=schema)

    async def _insert_carefully(self, lines: _Lines) -> list[SkippedRow]:
        connection = self._connection
        await connection.execute("TRUNCATE import_chunk, import_numbers RESTART IDENTITY")
        await self._copy_into("import_chunk", self._columns, lines.pupils)
        await self._copy_into("import_numbers", NUMBER_COLUMNS, lines.numbers)
        pupil_columns = ", ".join(f'"{c}"' for c in self._columns)
        number_columns = ", ".join(NUMBER_COLUMNS)
        found = await connection.fetch(
            f"""
            WITH inserted AS (
                INSERT INTO {SCHEMA}.pupils ({pupil_columns})
                SELECT {pupil_columns} FROM import_chunk ORDER BY position
                ON CONFLICT DO NOTHING
                RETURNING id
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
        skipped = [r["position"] - 1 for r in found]
        if len(skipped) < len(lines.rows):
            # The events of the pupils inserted, in file order, as the direct path appends them.
            await self._outbox.append([_without_lines(b"".join(lines.events), skipped)])
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
                -- Unpublished only: this import's events cannot have left (its transaction is
                -- still open), and the unpublished index keeps this off the outbox's history.
                DELETE FROM {SCHEMA}.outbox
                WHERE published_at IS NULL AND event_type = $3
                  AND subject IN (SELECT id::text FROM gone)
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
