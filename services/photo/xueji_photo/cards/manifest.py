"""The card batch's workbook: one row per pupil, in acceptance order (pure)."""

from __future__ import annotations

import io
from datetime import datetime

import rustpy_xlsxwriter as xlsx

from xueji_photo.cards.selection import BatchPlan
from xueji_photo.windows.rule import CHINA

WORKBOOK_NAME = "电子学生证制作清单.xlsx"
SHEET = "制证名单"
HEADERS = ("序号", "全国学籍号", "姓名", "学校标识码", "学校名称", "照片采集时间", "采集顺序号",
           "照片文件名", "补制")  # fmt: skip
TEXT_COLUMNS = ("全国学籍号", "学校标识码", "照片文件名")


def china_time(at: datetime | None) -> str:
    """Times as the schools read them, in China time."""
    return at.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S") if at is not None else ""


def card_rows(plan: BatchPlan) -> list[dict[str, object]]:
    return [
        dict(zip(HEADERS, (
            m.position, m.candidate.national_number, m.candidate.name, m.candidate.school_code,
            m.candidate.school_name,
            china_time(m.candidate.accepted_at),
            m.candidate.acceptance_sequence, m.file_name,
            "是" if m.candidate.carded_before else "否",
        ), strict=True))
        for m in plan.members
    ]  # fmt: skip


def card_workbook(plan: BatchPlan) -> bytes:
    text = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheet(
        card_rows(plan),
        buffer,
        sheet_name=SHEET,
        bold_headers=True,
        freeze_row=1,
        column_widths={h: 24.0 if h in ("全国学籍号", "学校名称", "照片文件名") else 12.0
                       for h in HEADERS},
        column_formats=dict.fromkeys(TEXT_COLUMNS, text),
    )  # fmt: skip
    return buffer.getvalue()
