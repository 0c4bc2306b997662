"""Telling an .xlsx from what schools upload instead, and finding its data sheet."""

from __future__ import annotations

import io
import zipfile

import pytest
import rustpy_xlsxwriter

from xueji_common.errors import DomainError
from xueji_registry.imports.workbook_parts import locate_parts, open_package


def _refusal(data: bytes) -> str:
    with pytest.raises(DomainError) as refused:
        open_package(io.BytesIO(data))
    return refused.value.error.code


def test_text_old_excel_empty_and_broken_zips_are_told_apart() -> None:
    assert _refusal(b"name,gender\n") == "IMPORT_FILE_NOT_XLSX"
    assert _refusal(b"%PDF-1.4") == "IMPORT_FILE_NOT_XLSX"
    assert _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)) == "IMPORT_FILE_ENCRYPTED"
    assert _refusal(b"") == "IMPORT_FILE_EMPTY"
    assert _refusal(b"PK\x03\x04" + bytes(100)) == "IMPORT_FILE_MALFORMED"


def test_a_zip_that_is_not_a_workbook_is_not_xlsx() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<document/>")
    assert _refusal(buffer.getvalue()) == "IMPORT_FILE_NOT_XLSX"


def _book(*sheets: str) -> io.BytesIO:
    buffer = io.BytesIO()
    rustpy_xlsxwriter.write_worksheets([(name, [{"姓名": "x"}]) for name in sheets], buffer)
    buffer.seek(0)
    return buffer


def test_the_data_sheet_is_found_by_name_or_is_the_first_other_than_the_guide() -> None:
    assert locate_parts(open_package(_book("说明", "学生信息"))).sheet_name == "学生信息"
    assert locate_parts(open_package(_book("说明", "Sheet1"))).sheet_name == "Sheet1"
    parts = locate_parts(open_package(_book("名单")))
    assert (parts.sheet_path, parts.date1904) == ("xl/worksheets/sheet1.xml", False)


def test_a_workbook_with_only_the_guide_has_no_sheet_to_import() -> None:
    with pytest.raises(DomainError) as refused:
        locate_parts(open_package(_book("说明")))
    assert refused.value.error.code == "IMPORT_SHEET_MISSING"
