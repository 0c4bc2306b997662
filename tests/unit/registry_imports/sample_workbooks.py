"""Import workbooks for tests: valid pupil rows, and files broken in the ways schools break them."""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from datetime import date

import openpyxl
import rustpy_xlsxwriter

from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.imports.columns import DATA_SHEET, HEADERS
from xueji_registry.pupils.model import china_today, school_year

_SEQUENCES = itertools.count(1)


def new_id_number(birth: date, *, male: bool = True, division: str = "350102") -> str:
    """A valid ID number no other call in this process returns."""
    n = next(_SEQUENCES)
    sequence = (2 * n + (1 if male else 0)) % 1000
    return make_id_number(division, date(birth.year, birth.month, 1 + (n // 500) % 28), sequence)


def pupil_row(grade: int = 1, *, male: bool = True, **overrides: object) -> dict[str, object]:
    """A valid pupil of `grade` (1-9) in the current school year, as a school types it."""
    current = school_year(china_today())
    stage_start = current - (grade - 1 if grade <= 6 else grade - 7)
    id_number = new_id_number(date(current - grade - 6, 3, 1), male=male)
    birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    row: dict[str, object] = {
        "姓名": "张小明" if male else "李小红",
        "性别": "男" if male else "女",
        "出生日期": birth,
        "民族": "汉族",
        "国籍": "中国",
        "身份证件类型": "居民身份证",
        "身份证件号": id_number,
        "年级": f"{'一二三四五六七八九'[grade - 1]}年级",
        "班级": "",
        "入学年份": stage_start,
        "户口所在地": "福州市鼓楼区五四路1号",
        "户口所在地区划代码": "350102",
        "现住址": "福州市鼓楼区五四路1号",
        "监护人姓名": "张大明",
        "监护人关系": "父亲",
        "监护人电话": "13800000000",
        "随班就读": "否",
    }
    row.update(overrides)
    return row


def workbook(
    rows: Sequence[dict[str, object]],
    headers: Sequence[str] = HEADERS,
    sheet: str = DATA_SHEET,
) -> bytes:
    """Rows written as the platform's own writer writes (inline strings, dates as dates)."""
    buffer = io.BytesIO()
    records = [{h: row.get(h) for h in headers} for row in rows] or [dict.fromkeys(headers)]
    rustpy_xlsxwriter.write_worksheet(records, buffer, sheet_name=sheet)
    return buffer.getvalue()


def excel_workbook(rows: Sequence[dict[str, object]], headers: Sequence[str] = HEADERS) -> bytes:
    """Rows written as Excel writes (shared strings); a value starting with '=' is a formula."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
