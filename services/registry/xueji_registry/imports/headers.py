"""The header row: which template column sits where, or which headers are wrong."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xueji_registry.domain.text_width import fold_full_width
from xueji_registry.imports.cells import CellValue, cell_text
from xueji_registry.imports.columns import BY_HEADER, COLUMNS, REPORT_HEADERS

# A file without these columns cannot say who the pupils are or where they belong.
PRESENCE_REQUIRED: tuple[str, ...] = tuple(
    column.header for column in COLUMNS if column.required or column.field == "id_number"
)


@dataclass(frozen=True)
class HeaderProblems:
    missing: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    duplicated: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missing or self.unknown or self.duplicated)


@dataclass(frozen=True)
class HeaderLayout:
    """Template fields by 0-based column, and the columns the report added (ignored on input)."""

    fields: dict[str, int]
    headers: tuple[str, ...]  # as found, for the error report
    width: int


def header_text(value: CellValue) -> str:
    """A header as written, without spaces, line breaks or a required-marker asterisk."""
    text = "".join(fold_full_width(cell_text(value)).split())
    return text.strip("*")


def read_headers(values: Sequence[CellValue]) -> HeaderLayout | HeaderProblems:
    texts = [header_text(value) for value in values]
    while texts and not texts[-1]:
        texts.pop()
    fields: dict[str, int] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for index, text in enumerate(texts):
        if not text or text in REPORT_HEADERS:
            continue
        column = BY_HEADER.get(text)
        if column is None:
            unknown.append(text)
        elif column.field in fields:
            duplicated.append(text)
        else:
            fields[column.field] = index
    present = {BY_HEADER[texts[i]].header for i in fields.values()}
    missing = tuple(h for h in PRESENCE_REQUIRED if h not in present)
    problems = HeaderProblems(missing, tuple(unknown), tuple(duplicated))
    if problems:
        return problems
    return HeaderLayout(fields=fields, headers=tuple(texts), width=len(texts))
