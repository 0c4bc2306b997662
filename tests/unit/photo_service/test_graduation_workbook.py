"""The graduation-certificate photo list: pupils with a photo on sheet 1, the missing on 2."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from python_calamine import CalamineWorkbook

from xueji_photo.graduation_lists.cohort import Graduate
from xueji_photo.graduation_lists.workbook import (
    MISSING_HEADERS,
    MISSING_SHEET,
    WITH_PHOTO_HEADERS,
    WITH_PHOTO_SHEET,
    graduation_workbook,
)

AT = datetime(2026, 11, 10, 2, 30, tzinfo=UTC)


def graduate(number: str, *, photo: bool) -> Graduate:
    return Graduate(
        national_number=number, name="测试学生", school_code="2131000101",
        school_name="青浦区测试小学", grade=5, object_key="photos/x.jpg" if photo else None,
        accepted_at=AT if photo else None,
    )  # fmt: skip


def _sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_pupils_without_a_photo_are_listed_on_their_own_sheet() -> None:
    listed = [graduate("G1", photo=True), graduate("G2", photo=False), graduate("G3", photo=True)]
    sheets = _sheets(graduation_workbook(listed))
    assert list(sheets) == [WITH_PHOTO_SHEET, MISSING_SHEET]
    with_photo, missing = sheets[WITH_PHOTO_SHEET], sheets[MISSING_SHEET]
    assert tuple(with_photo[0]) == WITH_PHOTO_HEADERS and tuple(missing[0]) == MISSING_HEADERS
    assert [(r[0], r[1], r[6], r[7]) for r in with_photo[1:]] == [
        (1, "G1", "2026-11-10 10:30:00", "photos/2131000101/G1.jpg"),
        (2, "G3", "2026-11-10 10:30:00", "photos/2131000101/G3.jpg"),
    ]
    assert [r[1] for r in missing[1:]] == ["G2"]


def test_a_cohort_all_photographed_has_an_empty_missing_sheet() -> None:
    sheets = _sheets(graduation_workbook([graduate("G1", photo=True)]))
    assert sheets[MISSING_SHEET] == [list(MISSING_HEADERS)]
