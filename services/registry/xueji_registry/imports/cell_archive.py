"""The uploaded cells of staged rows, kept compressed for the few rows that fail later.

A row can fail after it was staged (a duplicate further down the file, a record
at another school); its report line needs its cells as uploaded. Keeping them
here, compressed per chunk, costs the database nothing and 1,000,000 rows about
50 MB.
"""

from __future__ import annotations

import bisect
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CELL_SEPARATOR = "\x1f"
ROW_SEPARATOR = "\x1e"


@dataclass(frozen=True)
class PackedCells:
    rows: array  # row numbers, ascending
    blob: bytes  # compressed cells, rows apart by ROW_SEPARATOR, cells by CELL_SEPARATOR


def pack(rows: Sequence[int], cells: Iterable[Sequence[str]]) -> PackedCells:
    text = ROW_SEPARATOR.join(CELL_SEPARATOR.join(row) for row in cells)
    return PackedCells(array("i", rows), zlib.compress(text.encode(), 1))


class CellArchive:
    def __init__(self) -> None:
        self._packs: list[PackedCells] = []
        self._firsts: list[int] = []

    def add(self, packed: PackedCells) -> None:
        if len(packed.rows):
            self._packs.append(packed)
            self._firsts.append(packed.rows[0])

    def cells(self, rows: Iterable[int]) -> dict[int, tuple[str, ...]]:
        """The cells of these rows (rows never added are left out)."""
        wanted: dict[int, list[int]] = {}
        for row in rows:
            index = bisect.bisect_right(self._firsts, row) - 1
            if index >= 0:
                wanted.setdefault(index, []).append(row)
        found: dict[int, tuple[str, ...]] = {}
        for index, chunk_rows in wanted.items():
            pack_ = self._packs[index]
            lines = zlib.decompress(pack_.blob).decode().split(ROW_SEPARATOR)
            for row in chunk_rows:
                position = bisect.bisect_left(pack_.rows, row)
                if position < len(pack_.rows) and pack_.rows[position] == row:
                    found[row] = tuple(lines[position].split(CELL_SEPARATOR))
        return found
