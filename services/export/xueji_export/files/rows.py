"""Turning read-model rows into file rows: approved columns only, in-scope pupils only.

Pure. The query already selects only approved columns of in-scope pupils; this re-checks
both on every row (defence in depth), so a faulty query can make a generation fail but
never put a pupil or a field outside the approval into a file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from xueji_export.catalogue import CatalogueField, ValueType
from xueji_export.files.approval import ApprovedExport
from xueji_export.files.read_model import UNIT_PATH, column

Cell = str | int | float | bool


class OutOfScopeRow(RuntimeError):
    """The row source handed over a pupil outside the approved scope; nothing is uploaded."""


def _text(value: Any) -> Cell:
    return value.isoformat() if isinstance(value, date) else str(value)


def _boolean(value: Any) -> Cell:
    return "是" if value else "否"


def _number(value: Any) -> Cell:
    return value if isinstance(value, int | float) else str(value)


def _converter(entry: CatalogueField) -> Callable[[Any], Cell]:
    if entry.value_type is ValueType.CODE:
        labels = entry.code_labels
        return lambda value: labels.get(str(value), str(value))
    if entry.value_type is ValueType.BOOLEAN:
        return _boolean
    if entry.value_type is ValueType.INTEGER:
        return _number
    return _text


class FileRows:
    """Projects rows of the read model onto the approved fields, refusing out-of-scope pupils."""

    def __init__(self, export: ApprovedExport) -> None:
        self._export = export
        self._columns = tuple(
            (entry.label, column(entry.key), _converter(entry)) for entry in export.fields
        )
        self.written = 0

    def project(self, row: Mapping[str, Any]) -> dict[str, Cell]:
        """The file row for `row`, keyed by the approved fields' labels; an empty value is an
        empty cell."""
        if not self._export.in_scope(row[UNIT_PATH]):
            raise OutOfScopeRow(f"row source returned a pupil outside the scope ({self.written})")
        projected: dict[str, Cell] = {}
        for label, name, convert in self._columns:
            value = row[name]
            projected[label] = "" if value is None else convert(value)
        self.written += 1
        return projected

    def header_only(self) -> dict[str, None]:
        """A record of empty cells: the writer takes column labels from the first record and
        writes no row for one that is all empty, so a file with no pupils keeps its header."""
        return dict.fromkeys(self._export.labels)
