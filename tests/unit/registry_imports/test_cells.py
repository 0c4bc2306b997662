"""Cell values as calamine reads them: text, whole numbers, dates, formula-looking text."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from xueji_registry.imports.cells import (
    cell_date,
    cell_int,
    cell_text,
    digits_lost,
    looks_like_formula,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  张三 ", "张三"),
        (2026.0, "2026"),
        (13800000000.0, "13800000000"),
        (1.5, "1.5"),
        (True, "TRUE"),
        (date(2019, 3, 4), "2019-03-04"),
        (datetime(2019, 3, 4), "2019-03-04"),
        (datetime(2019, 3, 4, 8, 30), "2019-03-04 08:30:00"),
        ("", ""),
        (None, ""),
    ],
)
def test_cell_text_is_what_a_person_reads(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize(
    "value", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "  =A1", "\t=1", "=HYPERLINK(x)"]
)
def test_formula_looking_text_is_caught(value: str) -> None:
    assert looks_like_formula(value)


@pytest.mark.parametrize("value", ["张三", "-5", "+8613800000000", "+86 138 0000 0000", "a=b", 5.0])
def test_plain_values_and_signed_numbers_are_not_formulas(value: object) -> None:
    assert not looks_like_formula(value)


def test_long_numbers_have_lost_digits_and_short_ones_not() -> None:
    assert digits_lost(350102201903010031.0)
    assert not digits_lost(13800000000.0)
    assert not digits_lost("350102201903010031")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2019, 3, 4), date(2019, 3, 4)),
        (datetime(2019, 3, 4), date(2019, 3, 4)),
        ("2019-03-04", date(2019, 3, 4)),
        ("2019/3/4", date(2019, 3, 4)),
        ("2019.03.04", date(2019, 3, 4)),
        ("2019年3月4日", date(2019, 3, 4)),
        ("20190304", date(2019, 3, 4)),
        (20190304.0, date(2019, 3, 4)),
        ("2019-02-30", None),
        ("04/03/2019", None),
        ("明天", None),
        (datetime(2019, 3, 4, 8, 0), None),
        (time(8, 0), None),
    ],
)
def test_dates_in_the_forms_schools_type(value: object, expected: date | None) -> None:
    assert cell_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(2026.0, 2026), (2026, 2026), ("2026", 2026), (2026.5, None),
                            ("二零二六", None), (True, None), ("", None)]
)  # fmt: skip
def test_whole_numbers(value: object, expected: int | None) -> None:
    assert cell_int(value) == expected
