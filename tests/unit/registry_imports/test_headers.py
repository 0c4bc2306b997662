"""The header row: template columns found by name, wrong headers named."""

from __future__ import annotations

from xueji_registry.imports.columns import COLUMNS, HEADERS, REPORT_HEADERS
from xueji_registry.imports.headers import HeaderLayout, HeaderProblems, read_headers


def test_every_template_column_maps_to_its_field_wherever_it_stands() -> None:
    shuffled = list(reversed(HEADERS))
    found = read_headers(shuffled)
    assert isinstance(found, HeaderLayout)
    assert found.fields == {c.field: shuffled.index(c.header) for c in COLUMNS}


def test_spaces_width_and_required_markers_do_not_matter() -> None:
    found = read_headers([" 姓 名* ", "性别*", "出生\n日期", *HEADERS[3:]])
    assert isinstance(found, HeaderLayout)
    assert (found.fields["name"], found.fields["gender"], found.fields["birth_date"]) == (0, 1, 2)


def test_the_reports_own_columns_and_trailing_blanks_are_ignored() -> None:
    found = read_headers([*HEADERS, *REPORT_HEADERS, "", None])
    assert isinstance(found, HeaderLayout)
    assert found.width == len(HEADERS) + len(REPORT_HEADERS)
    assert set(found.fields) == {c.field for c in COLUMNS}


def test_optional_columns_may_be_left_out() -> None:
    required = ["姓名", "性别", "出生日期", "身份证件号", "年级", "入学年份"]
    found = read_headers(required)
    assert isinstance(found, HeaderLayout)
    assert list(found.fields) == ["name", "gender", "birth_date", "id_number", "grade",
                                  "enrolment_year"]  # fmt: skip


def test_missing_unknown_and_repeated_headers_are_all_named() -> None:
    found = read_headers(["姓名", "性别", "性别", "家庭住址", "出生日期", "年级"])
    assert found == HeaderProblems(
        missing=("身份证件号", "入学年份"), unknown=("家庭住址",), duplicated=("性别",)
    )


def test_an_empty_header_row_misses_every_required_column() -> None:
    found = read_headers([])
    assert isinstance(found, HeaderProblems)
    assert "姓名" in found.missing and not found.unknown
