"""The school full-registry workbook: sheet 学籍总库 and sheet 信息更正表."""

from __future__ import annotations

import io
from collections.abc import Sequence
from zoneinfo import ZoneInfo

import rustpy_xlsxwriter as xlsx

from xueji_registry.reports.labels import (
    field_label,
    gender_label,
    grade_label,
    stage_label,
    status_label,
)
from xueji_registry.reports.school_report import CorrectionLine, RegistryLine

REGISTRY_SHEET = "学籍总库"
CORRECTION_SHEET = "信息更正表"
REGISTRY_HEADERS = ("全国学籍号", "学籍副号", "姓名", "性别", "年级", "班级", "毕业届别",
                    "学段", "学籍状态")  # fmt: skip
CORRECTION_HEADERS = ("全国学籍号", "姓名", "更正项目", "原值", "新值", "更正原因",
                      "操作人", "操作人角色", "操作时间")  # fmt: skip
ROLE_LABELS = {
    "school_registrar": "学籍管理员",
    "school_reviewer": "学校审核人",
    "class_teacher": "班主任",
    "county_officer": "区县学籍主管部门",
    "city_officer": "地市学籍主管部门",
    "province_officer": "省级学籍主管部门",
    "national_operator": "全国平台",
    "platform_service": "平台服务",
    "province_system": "对接省份系统",
}
_CHINA = ZoneInfo("Asia/Shanghai")
_TEXT_COLUMNS = ("全国学籍号", "学籍副号", "原值", "新值")


def _value(field: str, value: str | None) -> str:
    """Codes the school reads as words: status, stage, gender."""
    if value is None:
        return ""
    if field == "status":
        return status_label(value)
    if field == "stage":
        return stage_label(value)
    if field == "gender_code":
        return gender_label(value) or value
    return value


def _registry(lines: Sequence[RegistryLine]) -> list[dict[str, object]]:
    rows = [
        dict(zip(REGISTRY_HEADERS, (
            p.national_number, p.local_number or "", p.name, gender_label(p.gender),
            grade_label(p.grade), p.class_name or "", f"{p.graduation_year}届",
            stage_label(p.stage), status_label(p.status),
        ), strict=True))
        for p in lines
    ]  # fmt: skip
    return rows or [dict.fromkeys(REGISTRY_HEADERS, "")]


def _corrections(lines: Sequence[CorrectionLine]) -> list[dict[str, object]]:
    rows = [
        dict(zip(CORRECTION_HEADERS, (
            c.national_number, c.name, field_label(c.field), _value(c.field, c.old_value),
            _value(c.field, c.new_value), c.reason, c.actor_name,
            ROLE_LABELS.get(c.actor_role, c.actor_role),
            c.changed_at.astimezone(_CHINA).strftime("%Y-%m-%d %H:%M:%S"),
        ), strict=True))
        for c in lines
    ]  # fmt: skip
    return rows or [dict.fromkeys(CORRECTION_HEADERS, "")]


def school_workbook(
    registry: Sequence[RegistryLine], corrections: Sequence[CorrectionLine]
) -> bytes:
    text = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheets(
        [(REGISTRY_SHEET, _registry(registry)), (CORRECTION_SHEET, _corrections(corrections))],
        buffer,
        bold_headers=True,
        freeze_panes={REGISTRY_SHEET: {"row": 1, "col": 0}, CORRECTION_SHEET: {"row": 1, "col": 0}},
        column_widths={
            REGISTRY_SHEET: {h: 22.0 if h in _TEXT_COLUMNS else 12.0 for h in REGISTRY_HEADERS},
            CORRECTION_SHEET: {h: 30.0 if h == "更正原因" else 20.0 for h in CORRECTION_HEADERS},
        },
        column_formats={
            REGISTRY_SHEET: {h: text for h in ("全国学籍号", "学籍副号")},
            CORRECTION_SHEET: {h: text for h in ("全国学籍号", "原值", "新值")},
        },
    )
    return buffer.getvalue()
