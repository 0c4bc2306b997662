"""The row source: the approved selection of the export read model, read in batches.

A server-side cursor inside one read-only REPEATABLE READ transaction: the file shows the
scope as it stood when the generation began, whatever the consumers write meanwhile, and
only one batch of rows is in memory at a time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.read_model import selection

BATCH_ROWS = 5_000


async def read_model_batches(
    connection: asyncpg.Connection, export: ApprovedExport, batch_rows: int = BATCH_ROWS
) -> AsyncIterator[list[asyncpg.Record]]:
    sql, arguments = selection(export)
    async with connection.transaction(isolation="repeatable_read", readonly=True):
        cursor = await connection.cursor(sql, *arguments)
        while batch := await cursor.fetch(batch_rows):
            yield batch
