"""One measured run per process: `python -m bench.import_runs KIND URL WORKBOOK [MAX_ROWS]`.

KIND is `ours` (the registry importer end to end), `naive` (openpyxl cell reads, the same
checks, one ORM insert and one event per row), `floor` (calamine read and COPY, nothing
else) or `database` (COPY of the rows `ours` stored into the real tables; WORKBOOK is then
the directory they were dumped to). Prints one JSON line: rows, seconds (import only: no
interpreter start, no seeding).

This module imports nothing heavy itself: the importer's worker processes import the main
module again, and should not carry the other runs' libraries.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import resource
import sys
from pathlib import Path

KINDS = ("ours", "naive", "floor", "database")


def main(argv: list[str]) -> None:
    kind, url, path = argv[0], argv[1], Path(argv[2])
    if kind not in KINDS:
        raise SystemExit(f"unknown run {kind!r}; one of {', '.join(KINDS)}")
    run = importlib.import_module(f"bench.import_run_{kind}").run
    result = asyncio.run(run(url, path, *argv[3:]))
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, once joined
    cpu = own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime
    print(json.dumps({
        "kind": kind, **result, "process_cpu_seconds": cpu,
        "main_rss": own.ru_maxrss * 1024, "largest_worker_rss": workers.ru_maxrss * 1024,
    }))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
