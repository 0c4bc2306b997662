"""The export read model's table as the files read it, created here for tests and the bench.

The export service's migration owns the real table; this builds the same shape from the
catalogue (one column per key, `unit_path`, `pupil_id`) so the files can be tested and
measured against PostgreSQL before and independently of the read model's consumers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import asyncpg

from xueji_export import catalogue
from xueji_export.catalogue import ValueType
from xueji_export.files.read_model import PUPIL_ID, TABLE, UNIT_PATH, column

_SQL_TYPE = {
    ValueType.TEXT: "text",
    ValueType.CODE: "text",
    ValueType.DATE: "date",
    ValueType.INTEGER: "integer",
    ValueType.BOOLEAN: "boolean",
}
COLUMNS: tuple[str, ...] = (PUPIL_ID, UNIT_PATH, *(column(k) for k in catalogue.KEYS))


async def create_read_model(connection: asyncpg.Connection) -> None:
    fields = ", ".join(f"{column(f.key)} {_SQL_TYPE[f.value_type]}" for f in catalogue.FIELDS)
    schema, table = TABLE.split(".")
    await connection.execute(
        f"CREATE SCHEMA IF NOT EXISTS {schema};"
        f"CREATE TABLE {TABLE} ({PUPIL_ID} text PRIMARY KEY, {UNIT_PATH} text NOT NULL, {fields});"
        f"CREATE INDEX {table}_scope ON {TABLE} ({UNIT_PATH} text_pattern_ops, {PUPIL_ID})"
    )


async def copy_pupils(connection: asyncpg.Connection, rows: Iterable[Sequence[object]]) -> None:
    """Binary COPY of rows given in COLUMNS order."""
    schema, table = TABLE.split(".")
    await connection.copy_records_to_table(table, schema_name=schema, records=rows, columns=COLUMNS)
    await connection.execute(f"ANALYZE {TABLE}")
