"""Streaming a worksheet part into chunks of whole rows, each a worksheet of its own.

Calamine reads a whole sheet into memory, as a dense grid from its first to its
last cell. Cutting the XML at row boundaries keeps each read to one chunk, lets
chunks be read in parallel, and lets a 1,000,000-row file be refused once it
passes the allowed rows instead of after reading all of it. While cutting, the
chunker also finds what calamine hides: which cells hold formulas.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from xueji_registry.imports.sheet_tags import SheetTags, column_index

BLOCK_SIZE = 1 << 20
_SHEET_DATA = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)sheetData\b[^>]*?(/?)>")
_ROOT = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?worksheet)\b")
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\b[^>]*/>")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
# A cell reference right of column AZ: no template is that wide, and calamine would
# size its grid by it.
_WIDE_REF = re.compile(rb' r="((?:[B-Z][A-Z])|(?:[A-Z]{3}))(\d+)"')
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


class SheetRefused(Exception):
    """The sheet breaks a limit or cannot be cut; `kind` is rows, columns or malformed."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class SheetChunk:
    xml: bytes  # a complete worksheet part
    rows_before: int  # row elements before this chunk, for sheets whose rows carry no number
    numbered: bool  # whether its rows carry their r="…" numbers
    formula_cells: frozenset[tuple[int, int]]  # (1-based row, 0-based column)


@dataclass(frozen=True)
class ChunkLimits:
    chunk_bytes: int  # XML per chunk; a chunk ends at the first row end past it
    max_rows: int  # data rows, the header row not counted
    max_xml_bytes: int


class SheetChunker:
    """`chunks()` yields the first row alone (the header), then chunks of rows."""

    def __init__(self, stream: Readable, limits: ChunkLimits) -> None:
        self._stream = stream
        self._limits = limits
        self._buffer = bytearray()
        self._read_bytes = 0

    def chunks(self) -> Iterator[SheetChunk]:
        found = self._head()
        if found is None:
            return
        head, tags = found
        buffer = self._buffer
        rows_before = 0
        first = True
        end = buffer.find(tags.data_end)
        while True:
            if first:
                cut = buffer.find(tags.row_end)
            elif 0 <= end <= self._limits.chunk_bytes:
                rows = bytes(buffer[:end])
                if tags.row_end in rows:
                    yield self._chunk(head, tags, rows, rows_before)
                return
            elif end >= 0 or len(buffer) >= self._limits.chunk_bytes:
                # The last row end within the chunk size; a single longer row goes alone.
                cut = buffer.rfind(tags.row_end, 0, self._limits.chunk_bytes)
                cut = cut if cut >= 0 else buffer.find(tags.row_end)
            else:
                cut = -1
            if cut >= 0:
                cut += len(tags.row_end)
                chunk = self._chunk(head, tags, bytes(buffer[:cut]), rows_before)
                # Only sheets whose rows carry no numbers need the count.
                if first or not chunk.numbered:
                    rows_before += 1 if first else buffer.count(tags.row_end, 0, cut)
                del buffer[:cut]
                first = False
                yield chunk
                end = buffer.find(tags.data_end)
                continue
            if end >= 0:
                return  # a sheet data part without a single complete row
            searched = max(0, len(buffer) - len(tags.data_end))
            if not self._more():
                raise SheetRefused("malformed", "工作表数据不完整")
            end = buffer.find(tags.data_end, searched)

    def _more(self) -> bool:
        try:
            block = self._stream.read(BLOCK_SIZE)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
            raise SheetRefused("malformed", "压缩数据损坏") from error
        if not block:
            return False
        self._read_bytes += len(block)
        if self._read_bytes > self._limits.max_xml_bytes:
            raise SheetRefused("rows", "工作表内容超过上限")
        self._buffer += block
        return True

    def _head(self) -> tuple[bytes, SheetTags] | None:
        """The worksheet's start tags up to the sheet data; None for a sheet without rows."""
        while (found := _SHEET_DATA.search(self._buffer)) is None:
            if not self._more():
                raise SheetRefused("malformed", "工作表缺少数据区")
        root = _ROOT.search(self._buffer, 0, found.start())
        if root is None:
            raise SheetRefused("malformed", "工作表结构不正确")
        if found.group(2) == b"/":
            return None
        # Groups must be copied out before the buffer is cut: they are views into it.
        prefix, root_name = bytes(found.group(1)), bytes(root.group(1))
        # The original extent would make calamine size each chunk like the whole sheet.
        start = _DIMENSION.sub(b"", bytes(self._buffer[root.start() : found.start()]))
        head = _XML_DECLARATION + start + b"<" + prefix + b"sheetData>"
        del self._buffer[: found.end()]
        return head, SheetTags.with_prefix(prefix, root_name)

    def _chunk(self, head: bytes, tags: SheetTags, rows: bytes, rows_before: int) -> SheetChunk:
        numbered = self._check_extent(tags, rows, rows_before)
        return SheetChunk(
            xml=head + rows + tags.close,
            rows_before=rows_before,
            numbered=numbered,
            formula_cells=_formula_cells(tags, rows),
        )

    def _check_extent(self, tags: SheetTags, rows: bytes, rows_before: int) -> bool:
        """Refuse content below the allowed rows or right of the template's columns.

        Rows of empty formatted cells do not count: Excel writes them for borders.
        """
        first = rows.find(tags.row_start)
        numbered = _ROW_NUMBER.search(rows, first, rows.find(b">", first) + 1) is not None
        content = max(rows.rfind(marker) for marker in tags.content)
        if content >= 0:
            tag = rows.rfind(tags.row_start, 0, content)
            if numbered:
                number = _ROW_NUMBER.search(rows, tag, rows.find(b">", tag) + 1)
                last = int(number.group(1)) if number else 0
            else:
                last = rows_before + rows.count(tags.row_start, 0, content)
            if last > self._limits.max_rows + 1:
                raise SheetRefused("rows", f"第{last}行有数据")
        for wide in _WIDE_REF.finditer(rows):
            if rows.rfind(b"<", 0, wide.start()) == rows.rfind(tags.cell_start, 0, wide.start()):
                raise SheetRefused("columns", (wide.group(1) + wide.group(2)).decode())
        return numbered


def _formula_cells(tags: SheetTags, rows: bytes) -> frozenset[tuple[int, int]]:
    cells: set[tuple[int, int]] = set()
    for match in tags.formula.finditer(rows):
        start = rows.rfind(tags.cell_start, 0, match.start())
        ref = _CELL_REF.search(rows, start, rows.find(b">", start) + 1)
        if ref is not None:
            cells.add((int(ref.group(2)), column_index(ref.group(1))))
    return frozenset(cells)
