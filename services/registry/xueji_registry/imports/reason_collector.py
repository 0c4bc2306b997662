"""The reasons one row's reading collects, and the cell helpers every field reader uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import fold_full_width
from xueji_registry.imports.cells import CellValue, cell_text
from xueji_registry.imports.school_context import SchoolContext

T = TypeVar("T")


def word_key(text: str) -> str:
    """How a typed word is looked up when it is not found as typed: width folded, upper case."""
    return fold_full_width(text).strip().upper()


def text_of(value: CellValue) -> str:
    # read_row hands over text cells already stripped; only other types need converting.
    return value if type(value) is str else cell_text(value)


def lookup(text: str, vocabulary: Mapping[str, T]) -> T | None:
    found = vocabulary.get(text)
    return found if found is not None else vocabulary.get(word_key(text))


class ReasonCollector:
    """One row's reasons, and the fields that could not be read at all."""

    def __init__(self, school: SchoolContext) -> None:
        self.school = school
        self.reasons: list[Reason] = []
        self.failed: set[str] = set()

    def fail(self, field: str, code: str, message: str, value: CellValue = None) -> None:
        self.failed.add(field)
        shown = None if value is None else text_of(value)
        self.reasons.append(Reason(code, field, message, shown or None))
