"""The tags a worksheet's rows are cut at, for the namespace prefix the sheet uses."""

from __future__ import annotations

import re
from dataclasses import dataclass


def column_index(letters: bytes) -> int:
    """The 0-based column of a cell reference's letters: b"A" → 0, b"AA" → 26."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


@dataclass(frozen=True)
class SheetTags:
    row_start: bytes
    row_end: bytes
    data_end: bytes
    close: bytes
    content: tuple[bytes, ...]
    cell_start: bytes
    formula: re.Pattern[bytes]

    @classmethod
    def with_prefix(cls, prefix: bytes, root: bytes) -> SheetTags:
        return cls(
            row_start=b"<" + prefix + b"row",
            row_end=b"</" + prefix + b"row>",
            data_end=b"</" + prefix + b"sheetData>",
            close=b"</" + prefix + b"sheetData></" + root + b">",
            content=(b"<" + prefix + b"v>", b"<" + prefix + b"is>"),
            cell_start=b"<" + prefix + b"c",
            formula=re.compile(rb"<" + re.escape(prefix) + rb"f[\s>/]"),
        )
