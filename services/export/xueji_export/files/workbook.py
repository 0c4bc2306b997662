"""Writing the xlsx itself with rustpy-xlsxwriter in constant-memory mode.

The records come from a generator, so rows stream through the writer to its temporary file
and a million of them never sit in memory. Layout of the data sheet: row 1 the banner
(application number, handler, generation time), row 2 the approved fields' labels in the
catalogue's order, then one row per pupil. A hidden sheet repeats the trace items with the
watermark, so the watermark survives a copy that loses the document properties.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rustpy_xlsxwriter import write_worksheets

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.properties import banner, trace_items
from xueji_export.files.rows import Cell

DATA_SHEET = "导出数据"
TRACE_SHEET = "追溯信息"
# The banner spans at least this many columns, so it reads on one line for a narrow export.
_BANNER_COLUMNS = 8


def write_workbook(
    path: Path, export: ApprovedExport, mark: str, records: Iterable[dict[str, Cell | None]]
) -> None:
    width = max(len(export.fields), _BANNER_COLUMNS)
    trace = [{"项目": name, "内容": value} for name, value in trace_items(export, mark)]
    write_worksheets(
        [(DATA_SHEET, records), (TRACE_SHEET, trace)],
        str(path),
        header_row={DATA_SHEET: 1},
        merge_ranges={DATA_SHEET: [(0, 0, 0, width - 1, banner(export))]},
        sheet_view={TRACE_SHEET: {"hidden": True}},
        bold_headers=True,
    )
