"""The read model in memory, and writing a file from it as the generation does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Mapping, Sequence
from pathlib import Path
from typing import Any

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.formats import FileFormat
from xueji_export.files.generation import write_file

KEY = b"test-watermark-key"


async def scoped_rows(
    rows: Sequence[Mapping[str, Any]], unit_paths: Sequence[str], batch: int
) -> AsyncGenerator[Sequence[Mapping[str, Any]], None]:
    """The query's scope filter in memory; every column is left in, as a faulty query might."""
    prefixes = tuple(p if p.endswith("/") else f"{p}/" for p in unit_paths)
    chosen = [row for row in rows if row["unit_path"].startswith(prefixes)]
    for start in range(0, len(chosen), batch):
        yield chosen[start : start + batch]


def write(
    export: ApprovedExport,
    batches: AsyncGenerator[Any, None],
    directory: Path,
    file_format: FileFormat = FileFormat.XLSX,
) -> Path:
    async def run() -> Path:
        written = await write_file(
            export, batches, service_key=KEY, directory=directory, progress=lambda _: None,
            file_format=file_format,
        )  # fmt: skip
        return written.path

    return asyncio.run(run())
