"""The monthly report workbook: the county's pupils without a G number, and a summary sheet."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import rustpy_xlsxwriter as xlsx

from xueji_registry.reports.labels import (
    NUMBER_FORMS,
    gender_label,
    grade_label,
    stage_label,
    status_label,
)

LIST_SHEET = "未获正式学籍号学生"
SUMMARY_SHEET = "汇总"
HEADERS = ("序号", "全国学籍号", "学籍号类型", "姓名", "性别", "出生日期", "学校标识码",
           "学校名称", "学段", "年级", "班级", "学籍状态")  # fmt: skip

_WIDE = ("全国学籍号", "学校名称", "学籍号类型")


@dataclass(frozen=True)
class UnnumberedPupil:
    national_number: str
    name: str
    gender: str | None
    birth_date: date | None
    school_code: str
    school_name: str
    stage: str
    grade: int
    class_name: str | None
    status: str


def _rows(pupils: Sequence[UnnumberedPupil]) -> list[dict[str, object]]:
    rows = []
    for index, p in enumerate(pupils, start=1):
        values = (
            index,
            p.national_number,
            NUMBER_FORMS.get(p.national_number[:1], ""),
            p.name,
            gender_label(p.gender),
            p.birth_date.isoformat() if p.birth_date else "",
            p.school_code,
            p.school_name,
            stage_label(p.stage),
            grade_label(p.grade),
            p.class_name or "",
            status_label(p.status),
        )
        rows.append(dict(zip(HEADERS, values, strict=True)))
    return rows or [dict.fromkeys(HEADERS, "")]


def monthly_workbook(
    *, county: str, city: str, month: str, pupils: Sequence[UnnumberedPupil]
) -> bytes:
    forms = [p.national_number[:1] for p in pupils]
    summary = [
        {"项目": "报送单位", "内容": county},
        {"项目": "报送至", "内容": city},
        {"项目": "报告月份", "内容": month},
        {"项目": "未获正式学籍号学生数", "内容": str(len(pupils))},
        {"项目": "其中临时学籍号（L）", "内容": str(forms.count("L"))},
        {"项目": "其中J字头学籍号", "内容": str(forms.count("J"))},
    ]
    text = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheets(
        [(SUMMARY_SHEET, summary), (LIST_SHEET, _rows(pupils))],
        buffer,
        bold_headers=True,
        freeze_panes={LIST_SHEET: {"row": 1, "col": 0}},
        column_widths={
            SUMMARY_SHEET: {"项目": 24.0, "内容": 40.0},
            LIST_SHEET: {
                h: 22.0 if h in ("全国学籍号", "学校名称", "学籍号类型") else 12.0 for h in HEADERS
            },
        },
        column_formats={LIST_SHEET: {"全国学籍号": text, "学校标识码": text}},
    )
    return buffer.getvalue()
