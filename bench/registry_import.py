"""Excel import of pupils: our importer against a naive one and against the floor.

Starts its own infrastructure (free ports, test mode), generates the workbooks, runs
each measurement in a process of its own on a fresh database, and prints rows/s,
peak memory and the ratios the registry issue sets as targets. A third reference, the
database share, stores the very rows our importer stored into the real tables with
nothing else: how much of the target's budget the storing takes by itself.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from pathlib import Path

from bench.import_database import fresh_database
from bench.import_stored_rows import dump_stored
from bench.import_workbook import WorkbookPlan, write_workbook
from bench.own_stack import on_own_infrastructure
from bench.process_memory import Measured, run_measured, tree_cpu_seconds
from xueji_registry.pupils.model import china_today, school_year
from xueji_stack.infrastructure import Infrastructure

ROWS = int(os.environ.get("XUEJI_BENCH_ROWS", "200000"))  # a smaller file for a quick look
NAIVE_ROWS = 5_000
MILLION = 1_000_000
MILLION_SWITCH = "XUEJI_BENCH_MILLION"
TARGET_OVER_NAIVE = 20.0
TARGET_FLOOR_RATIO = 2.0
TARGET_MILLION_BYTES = 1024**3


@dataclass(frozen=True)
class Figure:
    label: str
    rows: int
    seconds: float
    peak_bytes: int
    cpu_seconds: float  # the measured process and its workers, start-up included
    database_cpu_seconds: float
    note: str = ""

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds


def _figure(label: str, measured: tuple[Measured, float], note: str = "") -> Figure:
    run, database_cpu = measured
    result = run.result
    rows, seconds = int(result["rows"]), float(result["seconds"])
    cpu = float(result["process_cpu_seconds"])
    return Figure(label, rows, seconds, run.peak_tree_bytes, cpu, database_cpu, note)


def _measure(
    infrastructure: Infrastructure, kind: str, source: Path, *extra: str
) -> tuple[Measured, float]:
    """The run, and the database server's CPU seconds during it. `source` is the workbook,
    or for `database` the directory of the rows `ours` stored."""
    postgres = infrastructure.postgres
    assert postgres is not None and postgres.process.pid is not None
    url = asyncio.run(fresh_database(postgres, f"bench_{kind}"))
    before = tree_cpu_seconds(postgres.process.pid)
    measured = run_measured("bench.import_runs", kind, url, str(source), *extra)
    database_cpu = tree_cpu_seconds(postgres.process.pid) - before
    print(f"  {kind}: {measured.result}", flush=True)
    return measured, database_cpu


def _print_figures(figures: list[Figure]) -> None:
    print(
        f"\n{'run':<44}{'rows':>10}{'seconds':>9}{'rows/s':>9}{'peak MiB':>9}"
        f"{'CPU s':>8}{'DB CPU s':>9}"
    )
    for f in figures:
        print(
            f"{f.label:<44}{f.rows:>10,}{f.seconds:>9.1f}{f.rows_per_second:>9,.0f}"
            f"{f.peak_bytes / 1024**2:>9,.0f}{f.cpu_seconds:>8.1f}{f.database_cpu_seconds:>9.1f}"
        )
        if f.note:
            print(f"  ({f.note})")


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _database_share(
    infrastructure: Infrastructure,
    ours_stored: Path,
    ours: dict[str, object],
    dumped: dict[str, int],
) -> Figure:
    """The rows `ours` stored, stored again into a fresh database with nothing else."""
    measured = _measure(infrastructure, "database", ours_stored)
    result = measured[0].result
    expected = {"pupils": ours["stored_pupils"], "outbox": ours["stored_events"]}
    if result["stored"] != dumped or any(dumped[name] != n for name, n in expected.items()):
        raise RuntimeError(f"stored {result['stored']}, dumped {dumped}, ours stored {expected}")
    split = ", ".join(f"{name} {s:.1f} s" for name, s in result["seconds_per_table"].items())
    note = f"one transaction, one binary COPY per table: {split}"
    return _figure("database share: COPY ours' rows, real tables", measured, note)


def _print_database_share(database: Figure, floor: Figure) -> None:
    # Seconds, not rows/s: both handled the same file, but the share counts stored pupils.
    share = database.seconds / floor.seconds
    print(f"database share / floor = {share:.2f}×  (the storing alone; ours cannot be faster "
          "than this)")  # fmt: skip
    if share > TARGET_FLOOR_RATIO:
        print(f"  above {TARGET_FLOOR_RATIO:.0f}×: no importer that keeps these tables, indexes "
              "and events can meet the target on this machine")  # fmt: skip
    else:
        budget = TARGET_FLOOR_RATIO * floor.seconds
        print(f"  of the {budget:.1f} s the target allows, storing takes {database.seconds:.1f} s; "
              f"{budget - database.seconds:.1f} s remain for reading, checking and building the "
              "rows")  # fmt: skip


def main() -> int:
    return on_own_infrastructure("xueji-bench-import-", _run)


def _run(infrastructure: Infrastructure, state: Path) -> int:
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.2f} at start "
          "(other work on the machine slows the parallel importer most)", flush=True)  # fmt: skip
    year = school_year(china_today())
    began = time.perf_counter()
    big = write_workbook(state / "pupils-200k.xlsx", WorkbookPlan(ROWS, year, bad_every=2000))
    small = write_workbook(state / "pupils-5k.xlsx", WorkbookPlan(NAIVE_ROWS, year, bad_every=500))
    print(f"workbooks generated in {time.perf_counter() - began:.0f} s "
          f"({big.stat().st_size / 1024**2:.0f} MiB for {ROWS:,} rows)", flush=True)  # fmt: skip
    ours_run = _measure(infrastructure, "ours", big, str(ROWS))
    ours = _figure("ours: calamine chunks, checks, COPY, events", ours_run)
    # Before anything else reuses its database: no relay ran, so its events are all there.
    ours_stored = state / "ours-stored"
    ours_stored.mkdir()
    assert infrastructure.postgres is not None
    dumped = asyncio.run(dump_stored(infrastructure.postgres.url_for("bench_ours"), ours_stored))
    naive = _figure(
        "naive: openpyxl cells, ORM insert per row",
        _measure(infrastructure, "naive", small),
        f"measured on {NAIVE_ROWS:,} rows; rows/s extrapolated to the {ROWS:,}-row file",
    )
    floor = _figure(
        "floor: calamine read + COPY, no checks", _measure(infrastructure, "floor", big)
    )
    database = _database_share(infrastructure, ours_stored, ours_run[0].result, dumped)
    figures = [ours, naive, floor, database]
    million = None
    if os.environ.get(MILLION_SWITCH) == "1":
        huge = write_workbook(state / "pupils-1m.xlsx", WorkbookPlan(MILLION, year))
        million = _figure(
            "ours, 1,000,000 rows (row limit raised)",
            _measure(infrastructure, "ours", huge, str(MILLION)),
        )
        figures.append(million)
    _print_figures(figures)
    over_naive = ours.rows_per_second / naive.rows_per_second
    floor_ratio = floor.rows_per_second / ours.rows_per_second
    print(f"\nours/naive  = {over_naive:6.1f}×  (target ≥ {TARGET_OVER_NAIVE:.0f}×: "
          f"{_verdict(over_naive >= TARGET_OVER_NAIVE)})")  # fmt: skip
    print(f"floor/ours  = {floor_ratio:6.2f}×  (target ≤ {TARGET_FLOOR_RATIO:.0f}×: "
          f"{_verdict(floor_ratio <= TARGET_FLOOR_RATIO)})")  # fmt: skip
    _print_database_share(database, floor)
    if million is None:
        print(f"1,000,000 rows: skipped (takes minutes); run with {MILLION_SWITCH}=1 to measure "
              f"peak memory (target < 1 GiB)")  # fmt: skip
    else:
        ok = million.peak_bytes < TARGET_MILLION_BYTES
        print(f"1,000,000 rows: peak {million.peak_bytes / 1024**2:,.0f} MiB "
              f"(target < 1024 MiB: {_verdict(ok)})")  # fmt: skip
    print("peak memory: resident memory of the measured process and its worker processes, "
          "summed, sampled every 50 ms (the database server is not counted); CPU s: that "
          "process tree's CPU time, interpreter start-up included; DB CPU s: the database "
          "server's")  # fmt: skip
    return 0
