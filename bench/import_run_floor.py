"""The floor: read the file with calamine and COPY its rows into a plain table, nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import asyncpg
from python_calamine import CalamineWorkbook


async def run(url: str, path: Path) -> dict[str, object]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    began = time.perf_counter()
    header, *rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    columns = [f"c{i}" for i in range(len(header))]
    await connection.execute(f"CREATE TABLE floor_rows ({', '.join(c + ' text' for c in columns)})")
    await connection.copy_records_to_table(
        "floor_rows", columns=columns, records=(tuple(str(v) for v in row) for row in rows)
    )
    seconds = time.perf_counter() - began
    stored = await connection.fetchval("SELECT count(*) FROM floor_rows")
    await connection.close()
    return {"rows": len(rows), "seconds": seconds, "stored_rows": stored}
