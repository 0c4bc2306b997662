"""Applying prepared rows in bulk, on the unit of work's own connection and transaction.

Each chunk is COPYed into a temporary table, then one statement inserts its
pupils (`ON CONFLICT DO NOTHING` on the one-person-one-record indexes), their
outbox events and their number history, and keeps a note of every staged row
(`import_rows`) so that rows failing later can be reported and, if applied,
taken out again before commit.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.contracts import event_type
from xueji_registry.imports.bulk_record import CELL_SEPARATOR, STAGING_EXTRAS
from xueji_registry.schema import SCHEMA

NUMBER_REASON = "首次建立学籍"  # as the pupils service records a first number
_CREATED = event_type("pupil.created")


async def driver_connection(session: AsyncSession) -> asyncpg.Connection:
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


@dataclass(frozen=True)
class SkippedRow:
    """Staged but not inserted: another active record holds the ID or national number."""

    row: int
    id_number: str | None


class ImportStaging:
    def __init__(self, connection: asyncpg.Connection, *, actor_account_id: str | None) -> None:
        self._connection = connection
        self._actor = actor_account_id

    async def create(self) -> None:
        await self._connection.execute(
            f"""
            CREATE TEMP TABLE import_chunk ON COMMIT DROP AS
                SELECT * FROM {SCHEMA}.pupils WITH NO DATA;
            ALTER TABLE import_chunk
                ADD COLUMN row_number integer, ADD COLUMN event_id uuid,
                ADD COLUMN payload bytea, ADD COLUMN cells text;
            CREATE TEMP TABLE import_rows (
                row_number integer PRIMARY KEY, pupil_id uuid NOT NULL, event_id uuid NOT NULL,
                cells text NOT NULL, inserted boolean NOT NULL
            ) ON COMMIT DROP;
            """
        )

    async def apply(
        self, columns: Sequence[str], data: bytes, *, trace_id: str | None
    ) -> list[SkippedRow]:
        """Insert one chunk; the rows another active record already holds come back."""
        connection = self._connection
        await connection.execute("TRUNCATE import_chunk")
        await connection.copy_to_table(
            "import_chunk", source=io.BytesIO(data), columns=list(columns), format="text"
        )
        pupil_columns = ", ".join(f'"{c}"' for c in columns if c not in STAGING_EXTRAS)
        rows = await connection.fetch(
            f"""
            WITH inserted AS (
                INSERT INTO {SCHEMA}.pupils ({pupil_columns})
                SELECT {pupil_columns} FROM import_chunk ORDER BY row_number
                ON CONFLICT DO NOTHING
                RETURNING id
            ), events AS (
                INSERT INTO {SCHEMA}.outbox
                    (event_id, topic, event_type, aggregate_id, subject, payload, trace_id)
                SELECT c.event_id, $1, $2, c.national_number, c.id::text, c.payload, $3
                FROM import_chunk c JOIN inserted i ON i.id = c.id ORDER BY c.row_number
            ), numbers AS (
                INSERT INTO {SCHEMA}.pupil_numbers
                    (pupil_id, national_number, form, reason, actor_account_id)
                SELECT c.id, c.national_number, left(c.national_number, 1), $4, $5
                FROM import_chunk c JOIN inserted i ON i.id = c.id
            ), noted AS (
                INSERT INTO import_rows (row_number, pupil_id, event_id, cells, inserted)
                SELECT c.row_number, c.id, c.event_id, c.cells, i.id IS NOT NULL
                FROM import_chunk c LEFT JOIN inserted i ON i.id = c.id
            )
            SELECT c.row_number, c.id_number
            FROM import_chunk c LEFT JOIN inserted i ON i.id = c.id
            WHERE i.id IS NULL
            ORDER BY c.row_number
            """,
            _CREATED.topic,
            _CREATED.name,
            trace_id,
            NUMBER_REASON,
            self._actor,
        )
        return [SkippedRow(r["row_number"], r["id_number"]) for r in rows]

    async def cells(self, rows: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """The uploaded cells of staged rows."""
        found = await self._connection.fetch(
            "SELECT row_number, cells FROM import_rows WHERE row_number = ANY($1::int[])",
            list(rows),
        )
        return {r["row_number"]: tuple(r["cells"].split(CELL_SEPARATOR)) for r in found}

    async def withdraw(self, rows: Sequence[int]) -> set[int]:
        """Take applied rows out again (their pupils, events and numbers); the rows it took."""
        taken = await self._connection.fetch(
            f"""
            WITH chosen AS (
                SELECT pupil_id, event_id, row_number FROM import_rows
                WHERE inserted AND row_number = ANY($1::int[])
            ), events AS (
                DELETE FROM {SCHEMA}.outbox WHERE event_id IN (SELECT event_id FROM chosen)
            ), numbers AS (
                DELETE FROM {SCHEMA}.pupil_numbers WHERE pupil_id IN (SELECT pupil_id FROM chosen)
            ), marked AS (
                UPDATE import_rows SET inserted = false
                WHERE row_number IN (SELECT row_number FROM chosen)
            )
            SELECT row_number, pupil_id FROM chosen
            """,
            list(rows),
        )
        if taken:
            # A separate statement: the deleted number rows reference these pupils.
            await self._connection.execute(
                f"DELETE FROM {SCHEMA}.pupils WHERE id = ANY($1::uuid[])",
                [r["pupil_id"] for r in taken],
            )
        return {r["row_number"] for r in taken}
