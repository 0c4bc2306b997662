"""A school context for the row checks: a 九年一贯制 school in Fuzhou with a few classes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from xueji_registry.imports.columns import HEADERS
from xueji_registry.imports.headers import HeaderLayout, read_headers
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.pupils.model import china_today, class_code, class_name
from xueji_registry.pupils.state import ClassRef, SchoolRef

SCHOOL = SchoolRef(
    code="3135000101",
    name="福州市鼓楼区导入测试学校",
    path=("CN", "35", "3501", "350102", "3135000101"),
    county_code="350102",
    stages=frozenset({"primary", "junior"}),
)
CLASSES = {
    class_code(grade, number): ClassRef(
        uuid.UUID(int=grade * 100 + number), SCHOOL.code, class_code(grade, number), grade,
        class_name(grade, number),
    )
    for grade, number in ((1, 1), (1, 2), (7, 1))
}  # fmt: skip


def context(only_class: str | None = None, school: SchoolRef = SCHOOL) -> SchoolContext:
    return SchoolContext(
        school,
        china_today(),
        datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
        classes=dict(CLASSES),
        only_class=CLASSES[only_class] if only_class else None,
    )


def layout() -> dict[str, int]:
    found = read_headers(list(HEADERS))
    assert isinstance(found, HeaderLayout)
    return found.fields


def cells(row: dict[str, object]) -> list[object]:
    """A row dict (Chinese headers) as calamine hands it over: "" for empty cells."""
    return ["" if row.get(h) is None else row[h] for h in HEADERS]
