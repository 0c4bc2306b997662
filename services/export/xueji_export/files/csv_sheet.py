"""Writing the CSV form of a file: UTF-8 with a BOM, trace rows above the column labels.

Excel opens a CSV as the system's ANSI code page (GBK on Chinese Windows) unless it starts
with a UTF-8 BOM, so the BOM is what makes the Chinese readable. Layout: row 1 the banner
(application number, handler, generation time, as in the xlsx), row 2 the generation id and
watermark (the xlsx keeps these in its hidden sheet; a CSV has nowhere to hide them), row 3
the approved fields' labels, then one row per pupil. Rows stream from the generator to the
file, one at a time.

Two cell rules, both for Excel: text that starts like a formula (= + - @) is prefixed with
an apostrophe so it is never evaluated (CSV injection), and a long digit string (an ID or
national number) gets a leading tab so Excel keeps it as text instead of rounding it to
15 significant digits.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.properties import banner
from xueji_export.files.rows import Cell

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@")
# Excel keeps 15 significant digits; 12 and more digits read as an identifier, not a count.
LONG_DIGITS = 12


def trace_line(export: ApprovedExport, mark: str) -> str:
    return f"生成编号：{export.generation_id}　水印：{mark}"


def csv_cell(value: Cell | None) -> str:
    """The text of one cell as Excel should show it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return str(value)
    if value.startswith(FORMULA_STARTS):
        return f"'{value}"
    if len(value) >= LONG_DIGITS and value.isdigit():
        return f"\t{value}"
    return value


def write_csv(
    path: Path, export: ApprovedExport, mark: str, records: Iterable[dict[str, Cell | None]]
) -> None:
    labels = export.labels
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(BOM)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([banner(export)])
        writer.writerow([trace_line(export, mark)])
        writer.writerow(labels)
        for record in records:
            # An all-empty record is the header-only marker of an empty file (FileRows);
            # the labels are written already.
            if all(record.get(label) is None for label in labels):
                continue
            writer.writerow([csv_cell(record.get(label)) for label in labels])
