"""PostgreSQL COPY text format, and COPY of such text into a table.

Bulk writers (the registry's Excel import) build the text in worker processes;
the main process then only forwards bytes to the server, as encoding 200,000
records there would take a CPU the workers need.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ARRAY, Table
from sqlalchemy.dialects.postgresql import JSONB

if TYPE_CHECKING:  # worker processes build COPY text without loading the driver
    import asyncpg

NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_ARRAY_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"'})

Encoder = Callable[[object], str]


def text(value: object) -> str:
    """Any scalar: None, bool, numbers, strings, dates, uuids, bytes."""
    if value is None:
        return NULL
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | float | uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    raise TypeError(f"no COPY text form for {type(value).__name__}")


def json_text(value: object) -> str:
    if value is None:
        return NULL
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def array_text(value: object) -> str:
    if value is None:
        return NULL
    items = ",".join('"' + str(item).translate(_ARRAY_ESCAPES) + '"' for item in value)
    return ("{" + items + "}").translate(_ESCAPES)


def encoders_for(table: Table, columns: Sequence[str]) -> list[Encoder]:
    """One encoder per column, chosen by the column's type in `table` (plain text if absent)."""
    chosen: list[Encoder] = []
    for name in columns:
        column = table.c.get(name)
        kind = column.type if column is not None else None
        if isinstance(kind, JSONB):
            chosen.append(json_text)
        elif isinstance(kind, ARRAY):
            chosen.append(array_text)
        else:
            chosen.append(text)
    return chosen


def line(values: Sequence[object], encoders: Sequence[Encoder]) -> str:
    return "\t".join(encode(value) for encode, value in zip(encoders, values, strict=True)) + "\n"


async def _pieces(pieces: Sequence[bytes]) -> AsyncIterator[bytes]:
    for piece in pieces:
        yield piece


async def copy_into(
    connection: asyncpg.Connection,
    table: str,
    columns: Sequence[str],
    pieces: Sequence[bytes],
    *,
    schema: str | None = None,
) -> None:
    """COPY lines of text format (one or more pieces, each whole lines) into `table`."""
    source = io.BytesIO(pieces[0]) if len(pieces) == 1 else _pieces(pieces)
    await connection.copy_to_table(
        table, schema_name=schema, source=source, columns=list(columns), format="text"
    )
