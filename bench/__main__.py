"""`make bench`: every benchmark module, in order; `python -m bench NAME…` runs only those, and
`python -m bench NAME:PART…` only those parts of a module that has several (`PARTS`).

A benchmark module has `main() -> int` and prints its own figures; one with parts has
`PARTS` (their names) and `main(parts)` runs the chosen ones.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS: tuple[str, ...] = (
    "registry_import", "transfer", "photo_checks", "photo", "export_files",
    "export_propagation",
)  # fmt: skip


def _chosen(argv: list[str]) -> dict[str, list[str]] | str:
    """Parts chosen per module (empty: all of it), or what is wrong with the arguments."""
    chosen: dict[str, list[str]] = {}
    for argument in argv or list(BENCHMARKS):
        name, _, part = argument.partition(":")
        if name not in BENCHMARKS:
            return f"unknown benchmark {name}; known: {', '.join(BENCHMARKS)}"
        parts = chosen.setdefault(name, [])
        if part:
            known = getattr(importlib.import_module(f"bench.{name}"), "PARTS", ())
            if part not in known:
                return f"{name} has no part {part}; its parts: {', '.join(known) or 'none'}"
            parts.append(part)
    return chosen


def main(argv: list[str]) -> int:
    chosen = _chosen(argv)
    if isinstance(chosen, str):
        print(chosen)
        return 2
    status = 0
    for name, parts in chosen.items():
        print(f"== {name}{':' + ','.join(parts) if parts else ''} ==", flush=True)
        module = importlib.import_module(f"bench.{name}")
        status |= module.main(parts) if parts else module.main()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
