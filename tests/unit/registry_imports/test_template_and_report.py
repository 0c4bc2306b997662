"""The template and the error report as workbooks: what a school downloads and uploads again."""

from __future__ import annotations

import io
import zipfile

from python_calamine import CalamineWorkbook

from tests.unit.registry_imports.sample_school import CLASSES
from xueji_registry.domain.reasons import Reason
from xueji_registry.imports.chunk_work import FailedRow
from xueji_registry.imports.columns import ERROR_HEADER, HEADERS, ROW_NUMBER_HEADER
from xueji_registry.imports.headers import HeaderLayout, read_headers
from xueji_registry.imports.report_xlsx import report_workbook
from xueji_registry.imports.template import template_workbook


def _sheets(data: bytes) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_template_has_the_headers_a_guide_and_drop_down_lists() -> None:
    data = template_workbook(CLASSES["0102"])
    sheets = _sheets(data)
    assert list(sheets) == ["学生信息", "说明"]
    assert sheets["学生信息"] == [list(HEADERS)]
    guide = {row[0]: row[1] for row in sheets["说明"][1:]}
    assert "一年级(2)班" in guide["本模板班级"] and "01汉族" in guide["民族代码"]
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert '"男,女"' in sheet_xml and '"是,否"' in sheet_xml
    assert "一年级(2)班" in sheet_xml  # the class column offers only the class
    assert isinstance(read_headers(sheets["学生信息"][0]), HeaderLayout)


def test_the_report_lists_failed_rows_as_uploaded_with_their_reasons() -> None:
    headers = (*HEADERS[:3], "", *HEADERS[3:], ROW_NUMBER_HEADER, ERROR_HEADER)
    cells = ("张三", "X", "2019-03-01", "备注", *("",) * (len(HEADERS) - 3), "9", "旧原因")
    reasons = (
        Reason("GENDER_INVALID", "gender", "性别代码“X”无效", "X"),
        Reason("IMPORT_ROW_CONFLICT", "row", "与其他学籍冲突"),
    )
    sheet = _sheets(report_workbook(headers, [FailedRow(12, cells, reasons)]))["学生信息"]
    assert sheet[0] == [*HEADERS, ROW_NUMBER_HEADER, ERROR_HEADER]
    assert sheet[1][:3] == ["张三", "X", "2019-03-01"]
    assert sheet[1][-2] == 12.0
    assert sheet[1][-1] == "性别：性别代码“X”无效；与其他学籍冲突"


def test_a_report_without_failures_is_an_empty_sheet_with_headers() -> None:
    sheet = _sheets(report_workbook(HEADERS, []))["学生信息"]
    assert sheet == [[*HEADERS, ROW_NUMBER_HEADER, ERROR_HEADER]]
