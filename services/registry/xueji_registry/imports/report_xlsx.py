"""The import report as a workbook: the rows that were not applied, as uploaded, with their
reasons in an extra column; corrected, it can be uploaded again as it is."""

from __future__ import annotations

import io
from collections.abc import Sequence

import rustpy_xlsxwriter as xlsx

from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.chunk_work import FailedRow
from xueji_registry.imports.columns import (
    DATA_SHEET,
    ERROR_HEADER,
    REPORT_HEADERS,
    ROW_NUMBER_HEADER,
)
from xueji_registry.imports.report import column_of


def reasons_text(reasons: Sequence[Reason]) -> str:
    return "；".join(
        f"{column}：{r.message}" if (column := column_of(r)) else r.message for r in reasons
    )


def report_workbook(headers: Sequence[str], failures: Sequence[FailedRow]) -> bytes:
    # Columns the school added without a header, and the report's own columns of an
    # earlier report, are left out: the result must import again as it is.
    kept = [(i, h) for i, h in enumerate(headers) if h and h not in REPORT_HEADERS]
    names = [h for _, h in kept]
    rows = []
    for failure in failures:
        record: dict[str, object] = {
            h: (failure.cells[i] if i < len(failure.cells) else "") for i, h in kept
        }
        record[ROW_NUMBER_HEADER] = failure.row
        record[ERROR_HEADER] = reasons_text(failure.reasons)
        rows.append(record)
    if not rows:
        rows = [dict.fromkeys([*names, ROW_NUMBER_HEADER, ERROR_HEADER])]
    buffer = io.BytesIO()
    xlsx.write_worksheet(
        rows,
        buffer,
        sheet_name=DATA_SHEET,
        bold_headers=True,
        freeze_row=1,
        column_widths={**{h: 14.0 for h in names}, ROW_NUMBER_HEADER: 8.0, ERROR_HEADER: 80.0},
        column_formats={ERROR_HEADER: xlsx.Format().set_font_color("#C00000").set_text_wrap()},
    )
    return buffer.getvalue()
