"""The rows `ours` stored, as binary COPY files, for the database-share run to store again.

Only what the import added: every database gets the benchmark's units, school and classes
from `fresh_database`. The classes get random ids there, so their ids where `ours` ran are
dumped too: the next database takes them over before its clock starts.
"""

from __future__ import annotations

from pathlib import Path

import asyncpg
from sqlalchemy import Table

from xueji_registry.classes.tables import classes
from xueji_registry.imports.tables import import_failures, imports
from xueji_registry.pupils.tables import pupil_numbers, pupils
from xueji_registry.schema import SCHEMA, outbox

# The tables an import adds to, in the order it writes them, each with which of the table's
# rows are the import's: a seeded database has no pupils or imports yet, but has events.
STORED: tuple[tuple[Table, str], ...] = (
    (pupils, "TRUE"),
    (outbox, "event_type = 'pupil.created'"),
    (pupil_numbers, "TRUE"),
    (imports, "TRUE"),
    (import_failures, "TRUE"),
)
_CLASS_KEYS = "school_code, code, id"


def driver_dsn(url: str) -> str:
    """The SQLAlchemy URL of a bench database as asyncpg takes it."""
    return url.replace("postgresql+asyncpg://", "postgresql://")


def stored_columns(table: Table) -> list[str]:
    """Every column but the identities: the database numbers those as it did for the import."""
    return [column.name for column in table.columns if column.identity is None]


def copy_file(directory: Path, table: Table) -> Path:
    return directory / f"{table.name}.copy"


async def dump_stored(url: str, directory: Path) -> dict[str, int]:
    """Write the import's rows of every stored table, and the class ids, into `directory`;
    rows per table."""
    connection = await asyncpg.connect(driver_dsn(url))
    try:
        dumped = {}
        for table, rows in STORED:
            status = await connection.copy_from_query(
                f"SELECT {', '.join(stored_columns(table))} FROM {SCHEMA}.{table.name} "
                f"WHERE {rows}",
                output=copy_file(directory, table),
                format="binary",
            )
            dumped[table.name] = int(status.split()[-1])  # "COPY n"
        await connection.copy_from_query(
            f"SELECT {_CLASS_KEYS} FROM {SCHEMA}.classes",
            output=copy_file(directory, classes),
            format="binary",
        )
    finally:
        await connection.close()
    return dumped


async def take_over_classes(connection: asyncpg.Connection, directory: Path) -> None:
    """Give this database's classes the ids they had where `ours` ran, which the dumped
    pupils refer to; nothing refers to them yet in a fresh database."""
    await connection.execute(
        f"CREATE TEMP TABLE ours_classes AS SELECT {_CLASS_KEYS} FROM {SCHEMA}.classes WITH NO DATA"
    )
    await connection.copy_to_table(
        "ours_classes", source=copy_file(directory, classes), format="binary"
    )
    status = await connection.execute(
        f"""
        UPDATE {SCHEMA}.classes c SET id = o.id FROM ours_classes o
        WHERE c.school_code = o.school_code AND c.code = o.code
        """
    )
    expected = await connection.fetchval("SELECT count(*) FROM ours_classes")
    if int(status.split()[-1]) != expected:
        raise RuntimeError(f"classes differ from those `ours` ran with ({status}, {expected})")
    await connection.execute("DROP TABLE ours_classes")
