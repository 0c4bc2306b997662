"""Export of a million pupils × 20 fields from the read model to xlsx in object storage.

Starts its own infrastructure (free ports, test mode), fills the read model by COPY, then
runs each measurement in a process of its own: ours (read model → generation → multipart
upload), the floor (a bare COPY … TO STDOUT of the same rows, then the same writer writing
them from memory to a local file) and the naive export (ORM objects and openpyxl in normal
mode, on 100k rows, rows/s scaled). Prints rows/s, peak memory and the ratios the export
issue sets as targets. XUEJI_BENCH_EXPORT_ROWS sets a smaller read model for a quick look.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.export_pupils import FIELDS, fill
from bench.process_memory import run_measured
from xueji_stack.infrastructure import Infrastructure

ROWS = int(os.environ.get("XUEJI_BENCH_EXPORT_ROWS", "1000000"))
NAIVE_ROWS = min(100_000, ROWS)
TARGET_FLOOR_SHARE = 0.5
TARGET_PEAK_BYTES = 300 * 1024**2
TARGET_OVER_NAIVE = 10.0


@dataclass(frozen=True)
class Figure:
    label: str
    rows: int
    seconds: float
    peak_bytes: int

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


def _measure(label: str, kind: str, dsn: str, endpoint: str, rows: int) -> tuple[Figure, dict]:
    measured = run_measured("bench.export_runs", kind, dsn, str(rows), endpoint)
    result = measured.result
    print(f"  {kind}: {result}", flush=True)
    figure = Figure(label, int(result["rows"]), float(result["seconds"]), measured.peak_tree_bytes)
    return figure, result


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    state = Path(tempfile.mkdtemp(prefix="xueji-bench-export-"))
    infrastructure = Infrastructure(state / "stack", fixed_ports=False, test_mode=True, environ={})
    print("starting infrastructure …", flush=True)
    infrastructure.start()
    try:
        return _run(infrastructure)
    finally:
        infrastructure.stop()
        shutil.rmtree(state, ignore_errors=True)


def _run(infrastructure: Infrastructure) -> int:
    postgres, s3 = infrastructure.postgres, infrastructure.s3
    assert postgres is not None and s3 is not None
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start",
          flush=True)  # fmt: skip
    postgres.recreate_database("bench_export")
    dsn = postgres.dsn("bench_export")
    began = time.perf_counter()
    asyncio.run(fill(dsn, ROWS))
    print(f"read model filled by COPY: {ROWS:,} pupils in {time.perf_counter() - began:.0f} s; "
          f"exporting {len(FIELDS)} fields", flush=True)  # fmt: skip
    ours, ours_result = _measure(
        "ours: read model → xlsx → object storage", "ours", dsn, s3.endpoint, ROWS
    )
    floor, floor_result = _measure(
        "floor: bare COPY read + writer from memory", "floor", dsn, s3.endpoint, ROWS
    )
    naive, _ = _measure("naive: ORM + openpyxl normal mode", "naive", dsn, s3.endpoint, NAIVE_ROWS)
    if ours.rows != ROWS or floor.rows != ROWS:
        raise RuntimeError(f"exported {ours.rows:,} and {floor.rows:,} rows of {ROWS:,}")
    print(f"\n{'run':<46}{'rows':>11}{'seconds':>9}{'rows/s':>10}{'peak MiB':>10}")
    for f in (ours, floor, naive):
        print(f"{f.label:<46}{f.rows:>11,}{f.seconds:>9.1f}{f.rows_per_second:>10,.0f}"
              f"{f.peak_bytes / 1024**2:>10,.0f}")  # fmt: skip
    copied = floor_result["copy_bytes"] / 1024**2
    print(f"  (floor: COPY read {floor_result['read_seconds']:.1f} s of {copied:,.0f} MiB, writer "
          f"{floor_result['write_seconds']:.1f} s; its peak holds the rows in memory, by design. "
          f"Naive measured on {naive.rows:,} rows, rows/s scaled. "
          f"Ours' file: {ours_result['file_bytes'] / 1024**2:,.0f} MiB)")  # fmt: skip
    share = ours.rows_per_second / floor.rows_per_second
    over_naive = ours.rows_per_second / naive.rows_per_second
    print(f"\nours/floor  = {share:6.2f}   (target ≥ {TARGET_FLOOR_SHARE}: "
          f"{_verdict(share >= TARGET_FLOOR_SHARE)})")  # fmt: skip
    print(f"ours/naive  = {over_naive:6.1f}×  (target ≥ {TARGET_OVER_NAIVE:.0f}×: "
          f"{_verdict(over_naive >= TARGET_OVER_NAIVE)})")  # fmt: skip
    print(f"ours' peak  = {ours.peak_bytes / 1024**2:6.0f} MiB (target < 300 MiB: "
          f"{_verdict(ours.peak_bytes < TARGET_PEAK_BYTES)})")  # fmt: skip
    print("peak memory: resident memory of the measured process tree, sampled every 50 ms "
          "(the database server and the object store are not counted)")  # fmt: skip
    return 0
