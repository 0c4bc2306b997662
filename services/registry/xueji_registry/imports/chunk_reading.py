"""Reading one sheet chunk with calamine into numbered rows of cell values."""

from __future__ import annotations

import io
from collections.abc import Iterator

from python_calamine import CalamineError, CalamineWorkbook

from xueji_registry.imports.cells import CellValue
from xueji_registry.imports.mini_workbook import PackageParts, mini_workbook
from xueji_registry.imports.sheet_chunks import SheetChunk, SheetRefused


def chunk_rows(chunk: SheetChunk, parts: PackageParts) -> Iterator[tuple[int, list[CellValue]]]:
    """(1-based sheet row, cells from column A) for every row of the chunk, blank ones too."""
    data = mini_workbook(chunk.xml, parts)
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        start = sheet.start
        # to_python starts at the first cell; iter_rows would pad from A1 with empty rows.
        rows = sheet.to_python() if start is not None else []
    except (CalamineError, ValueError, OverflowError) as error:
        # Whatever calamine cannot read is a broken file, never a crash of the import.
        raise SheetRefused("malformed", type(error).__name__) from None
    if start is None:
        return
    first_row, first_column = start
    offset = first_row + 1 + (0 if chunk.numbered else chunk.rows_before)
    padding: list[CellValue] = [""] * first_column
    for index, values in enumerate(rows):
        yield offset + index, padding + values if padding else values
