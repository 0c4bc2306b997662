"""Applying prepared rows in bulk, on the unit of work's own connection and transaction.

Each chunk is COPYed into a temporary table, then one statement inserts its
pupils (`ON CONFLICT DO NOTHING` on the one-person-one-record indexes), their
outbox events and their number history. Rows found to be duplicates only later
are taken out again before commit: nothing is visible before it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.contracts import event_type
from xueji_registry.imports.bulk_record import STAGING_EXTRAS
from xueji_registry.schema import SCHEMA

NUMBER_REASON = "首次建立学籍"  # as the pupils service records a first number
_CREATED = event_type("pupil.created")


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


class ImportStaging:
    def __init__(
        self, connection: asyncpg.Connection, *, import_id: str, actor_account_id: str | None
    ) -> None:
        self._connection = connection
        self._import_id = import_id
        self._actor = actor_account_id

    async def create(self) -> None:
        await self._connection.execute(
            f"""
            CREATE TEMP TABLE import_chunk ON COMMIT DROP AS
                SELECT * FROM {SCHEMA}.pupils WITH NO DATA;
            ALTER TABLE import_chunk
                ADD COLUMN row_number integer, ADD COLUMN event_id uuid, ADD COLUMN payload bytea;
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
                SELECT {pupil_columns} FROM import_chunk
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
