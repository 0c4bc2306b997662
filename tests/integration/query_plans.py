"""The plans of the statements a read function sends, with sequential scans priced out: a plan
that still scans a table has no index way to its rows, which at a country's size is a full
read per request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession


async def scanned_tables(
    session: AsyncSession, call: Callable[[AsyncSession], Awaitable[object]]
) -> list[str]:
    """The plan lines of `call`'s SELECT statements that scan a whole table."""
    connection = await session.connection()
    sent: list[tuple[str, object]] = []

    def capture(*args: object) -> None:
        _conn, _cursor, statement, parameters, _context, _many = args
        sent.append((str(statement), parameters))

    await session.execute(text("SET LOCAL enable_seqscan = off"))
    event.listen(connection.sync_connection, "before_cursor_execute", capture)
    try:
        await call(session)
    finally:
        event.remove(connection.sync_connection, "before_cursor_execute", capture)
    scans = []
    for statement, parameters in sent:
        if statement.lstrip().upper().startswith("SELECT"):
            plan = await connection.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            scans += [line for line in plan.scalars() if "Seq Scan" in line]
    return scans
