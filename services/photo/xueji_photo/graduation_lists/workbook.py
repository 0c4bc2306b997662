"""The graduation-certificate photo list: sheet 1 the pupils with a photo, sheet 2 those still
without one, for the school to chase (pure)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import rustpy_xlsxwriter as xlsx

from xueji_photo.cards.manifest import china_time
from xueji_photo.graduation_lists.cohort import Graduate

WORKBOOK_NAME = "毕业证书照片名单.xlsx"
WITH_PHOTO_SHEET = "毕业证书照片名单"
MISSING_SHEET = "未采集照片学生"
WITH_PHOTO_HEADERS = ("序号", "全国学籍号", "姓名", "学校标识码", "学校名称", "年级",
                      "照片采集时间", "照片文件名")  # fmt: skip
MISSING_HEADERS = ("序号", "全国学籍号", "姓名", "学校标识码", "学校名称", "年级")
TEXT_COLUMNS = ("全国学籍号", "学校标识码", "照片文件名")


def _base(index: int, g: Graduate) -> tuple[object, ...]:
    return (index, g.national_number, g.name, g.school_code, g.school_name, g.grade)


def _with_photo(listed: Sequence[Graduate]) -> list[dict[str, object]]:
    rows = [
        dict(zip(WITH_PHOTO_HEADERS, (
            *_base(index, g), china_time(g.accepted_at), g.file_name,
        ), strict=True))
        for index, g in enumerate(listed, start=1)
    ]  # fmt: skip
    return rows or [dict.fromkeys(WITH_PHOTO_HEADERS, "")]


def _missing(listed: Sequence[Graduate]) -> list[dict[str, object]]:
    rows = [dict(zip(MISSING_HEADERS, _base(index, g), strict=True))
            for index, g in enumerate(listed, start=1)]  # fmt: skip
    return rows or [dict.fromkeys(MISSING_HEADERS, "")]


def graduation_workbook(listed: Sequence[Graduate]) -> bytes:
    with_photo = [g for g in listed if g.object_key is not None]
    missing = [g for g in listed if g.object_key is None]
    text = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheets(
        [(WITH_PHOTO_SHEET, _with_photo(with_photo)), (MISSING_SHEET, _missing(missing))],
        buffer,
        bold_headers=True,
        freeze_panes={WITH_PHOTO_SHEET: {"row": 1, "col": 0}, MISSING_SHEET: {"row": 1, "col": 0}},
        column_widths={
            WITH_PHOTO_SHEET: {h: 24.0 if h in TEXT_COLUMNS else 12.0 for h in WITH_PHOTO_HEADERS},
            MISSING_SHEET: {h: 24.0 if h in TEXT_COLUMNS else 12.0 for h in MISSING_HEADERS},
        },
        column_formats={
            WITH_PHOTO_SHEET: {h: text for h in TEXT_COLUMNS},
            MISSING_SHEET: {h: text for h in TEXT_COLUMNS if h in MISSING_HEADERS},
        },
    )
    return buffer.getvalue()
