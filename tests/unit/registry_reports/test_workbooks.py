"""The report workbooks read back with python-calamine: sheets, headers, labels, empty cases."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from python_calamine import CalamineWorkbook

from xueji_registry.reports.monthly_workbook import UnnumberedPupil, monthly_workbook
from xueji_registry.reports.school_report import CorrectionLine, RegistryLine
from xueji_registry.reports.school_workbook import school_workbook
from xueji_registry.reports.special_education import SpecialPupil, special_workbook


def sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_school_workbook_prints_words_for_codes_and_the_corrections_in_beijing_time() -> None:
    line = RegistryLine("G360102201603010011", None, "刘小明", "1", 10, "高一(2)班", 2029,
                        "senior", "suspended")  # fmt: skip
    change = CorrectionLine(
        "G360102201603010011", "刘小明", "status", "enrolled", "suspended", "休学：因病",
        "王主任", "county_officer", datetime(2026, 11, 20, 16, 30, tzinfo=UTC),
    )  # fmt: skip
    book = sheets(school_workbook([line], [change]))
    assert list(book) == ["学籍总库", "信息更正表"]
    assert book["学籍总库"][1] == ["G360102201603010011", "", "刘小明", "男", "高一",
                                  "高一(2)班", "2029届", "高中", "休学"]  # fmt: skip
    assert book["信息更正表"][1] == ["G360102201603010011", "刘小明", "学籍状态", "在读", "休学",
                                  "休学：因病", "王主任", "区县学籍主管部门",
                                  "2026-11-21 00:30:00"]  # fmt: skip


def test_an_empty_school_still_gets_both_sheets_with_headers() -> None:
    book = sheets(school_workbook([], []))
    assert book["学籍总库"][0][0] == "全国学籍号"
    assert book["信息更正表"][0][2] == "更正项目"


def test_monthly_workbook_counts_l_and_j_numbers() -> None:
    listed = [
        UnnumberedPupil(f"{letter}36010220160301001{i}", "某某", "2", date(2016, 3, 1),
                        "2136000101", "测试小学", "primary", 4, None, "enrolled")
        for i, letter in enumerate("LLJ")
    ]  # fmt: skip
    book = sheets(monthly_workbook(county="东湖区", city="南昌市", month="2026-11", pupils=listed))
    summary = {row[0]: row[1] for row in book["汇总"][1:]}
    assert summary["未获正式学籍号学生数"] == "3"
    assert summary["其中临时学籍号（L）"] == "2"
    assert summary["其中J字头学籍号"] == "1"
    rows = book["未获正式学籍号学生"]
    assert rows[3][2].startswith("无有效身份证件")
    assert rows[1][4:6] == ["女", "2016-03-01"]


def test_special_workbook_names_placement_and_disability() -> None:
    listed = [SpecialPupil("G360102201603010011", "刘小明", "1", None, "5136000104",
                           "特殊教育学校", "primary", 3, None, "special_school", "7")]  # fmt: skip
    [header, row] = sheets(special_workbook(listed))["特殊教育学生核对名单"]
    assert header[10:] == ["就读方式", "残疾类型代码", "残疾类型"]
    assert row[10:] == ["特殊教育学校就读", "7", "多重残疾"]
