"""The downloadable import template: the data sheet with Chinese headers, and a guide sheet."""

from __future__ import annotations

import io

import rustpy_xlsxwriter as xlsx

from xueji_registry.domain.code_tables import ETHNICITIES, ID_TYPES, STAGE_NAMES
from xueji_registry.imports import vocabulary as words
from xueji_registry.imports.columns import COLUMNS, DATA_SHEET, GUIDE_SHEET, HEADERS
from xueji_registry.pupils.state import ClassRef

# Rows the drop-down lists and text formats cover; a class rarely has more than 60.
TEMPLATE_ROWS = 2000
_TEXT_COLUMNS = ("身份证件号", "全国学籍号", "学籍副号", "户口所在地区划代码", "监护人电话")
_GRADE_CHOICES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级",
                  "七年级", "八年级", "九年级", "高一", "高二", "高三"]  # fmt: skip


def _choices(values: list[str], title: str) -> dict[str, object]:
    return {
        "type": "list",
        "values": values,
        "error_title": title,
        "error_message": f"请从下拉列表中选择{title}",
        "error_style": "warning",
    }


def _validations(only_class: ClassRef | None) -> dict[str, dict[str, object]]:
    rules = {
        "性别": _choices(["男", "女"], "性别"),
        "身份证件类型": _choices([t.name for t in ID_TYPES.values()], "身份证件类型"),
        "学段": _choices(list(STAGE_NAMES.values()), "学段"),
        "年级": _choices(_GRADE_CHOICES, "年级"),
        "随班就读": _choices(["是", "否"], "随班就读"),
        "残疾类型": _choices(list(words.DISABILITY_CATEGORIES.values()), "残疾类型"),
        "入学年份": {"type": "whole_number", "criteria": "between", "min": 1950, "max": 2100},
    }
    if only_class is not None:
        rules["班级"] = _choices([only_class.name], "班级")
    return rules


def _guide(only_class: ClassRef | None) -> list[dict[str, str]]:
    rows = [{"项目": c.header, "说明": ("必填。" if c.required else "") + c.help} for c in COLUMNS]
    rows.append({"项目": "民族代码", "说明": "、".join(f"{k}{v}" for k, v in ETHNICITIES.items())})
    rows.append({"项目": "身份证件类型代码",
                 "说明": "、".join(f"{k}{t.name}" for k, t in ID_TYPES.items())})  # fmt: skip
    rows.append({"项目": "导入规则", "说明": (
        "每行一名学生；有错误的行不导入，其余行照常导入；同一文件重复导入不会重复建档。"
        "单元格不能使用公式。导入后可下载带“错误原因”列的结果文件，修改后直接重新上传。"
    )})  # fmt: skip
    if only_class is not None:
        described = f"{only_class.name}（班级代码{only_class.code}）"
        rows.append({"项目": "本模板班级", "说明": described})
    return rows


def _notes() -> dict[str, str]:
    return {c.header: ("必填。" if c.required else "") + c.help for c in COLUMNS if c.help}


def template_workbook(only_class: ClassRef | None = None) -> bytes:
    data = [dict.fromkeys(HEADERS) for _ in range(TEMPLATE_ROWS)]
    text_format = xlsx.Format().set_num_format("@")
    buffer = io.BytesIO()
    xlsx.write_worksheets(
        [(DATA_SHEET, data), (GUIDE_SHEET, _guide(only_class))],
        buffer,
        bold_headers=True,
        freeze_panes={DATA_SHEET: {"row": 1, "col": 1}},
        column_widths={
            DATA_SHEET: {h: max(10.0, 2.2 * len(h) + 2) for h in HEADERS},
            GUIDE_SHEET: {"项目": 18.0, "说明": 100.0},
        },
        column_formats={DATA_SHEET: dict.fromkeys(_TEXT_COLUMNS, text_format)},
        data_validations={DATA_SHEET: _validations(only_class)},
        notes={DATA_SHEET: _notes()},
    )
    return buffer.getvalue()
