"""The formats a file can be generated in: xlsx by default, CSV on request."""

from __future__ import annotations

from enum import StrEnum


class FileFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]


_CONTENT_TYPES = {
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    # The charset tells a browser what the BOM tells Excel.
    FileFormat.CSV: "text/csv; charset=utf-8",
}
