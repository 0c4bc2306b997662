"""`make bench`: every benchmark module, in order; `python -m bench NAME…` runs only those.

A benchmark module has `main() -> int` and prints its own figures.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS: tuple[str, ...] = (
    "registry_import", "transfer", "photo_checks", "photo", "export_files",
    "export_propagation",
)  # fmt: skip


def main(argv: list[str]) -> int:
    chosen = argv or list(BENCHMARKS)
    unknown = [name for name in chosen if name not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
        return 2
    status = 0
    for name in chosen:
        print(f"== {name} ==", flush=True)
        status |= importlib.import_module(f"bench.{name}").main()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
