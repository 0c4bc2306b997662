"""Pure rules of the pupil record: school years, states, numbers, class names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xueji_registry.domain.national_number import NationalStudentNumber
from xueji_registry.pupils.model import (
    RegistrationState,
    class_code,
    class_name,
    compose_number,
    graduation_year,
    is_active,
    school_year,
    stage_for_grade,
    state_after_checks,
    temporary_prefix,
)


@pytest.mark.parametrize(
    ("today", "year"),
    [(date(2026, 8, 31), 2025), (date(2026, 9, 1), 2026), (date(2027, 1, 5), 2026)],
)
def test_the_school_year_starts_on_1_september(today: date, year: int) -> None:
    assert school_year(today) == year


@pytest.mark.parametrize(
    ("current", "problem", "after"),
    [
        ("draft", False, "validated"),
        ("validated", True, "draft"),
        ("returned", False, "returned"),
        ("returned", True, "draft"),
        ("submitted", True, "submitted"),
        ("registered", True, "registered"),
    ],
)
def test_only_unsubmitted_records_follow_their_checks(
    current: str, problem: bool, after: str
) -> None:
    assert state_after_checks(current, problem=problem) == RegistrationState(after)


def test_graduation_year_follows_the_provinces_school_system() -> None:
    assert graduation_year("primary", 1, 2026, "31") == 2031  # 五四制: 5 primary years
    assert graduation_year("primary", 3, 2024, "11") == 2030
    assert graduation_year("junior", 7, 2026, "11") == 2029
    assert graduation_year("senior", 10, 2026, "31") == 2029
    assert graduation_year("unknown", 4, 2026, "11") == 2035


def test_stage_for_grade_uses_the_stages_the_school_offers() -> None:
    assert stage_for_grade(6, "31", frozenset({"junior"})) == "junior"
    assert stage_for_grade(6, "11", frozenset({"primary", "junior"})) == "primary"
    assert stage_for_grade(10, "11", frozenset({"primary"})) is None


def test_active_records_hold_the_pupils_place() -> None:
    assert is_active("suspended", deleted=False, id_conflict=False)
    assert not is_active("graduated", deleted=False, id_conflict=False)
    assert not is_active("enrolled", deleted=True, id_conflict=False)
    assert not is_active("enrolled", deleted=False, id_conflict=True)


def test_class_names_as_schools_print_them() -> None:
    assert class_name(1, 3) == "一年级(3)班"
    assert class_name(12, 10) == "十二年级(10)班"
    assert class_code(7, 2) == "0702"


def test_a_record_without_birth_date_still_gets_an_id_shaped_prefix() -> None:
    assert temporary_prefix("L", "310118", None, 2019) == "L31011820190101"
    assert temporary_prefix("J", "310118", date(2019, 3, 15), 2000) == "J31011820190315"


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 11, 23)),
    st.integers(0, 999),
    st.sampled_from("LJ"),
)
def test_issued_numbers_are_valid_national_numbers(birth: date, sequence: int, letter: str) -> None:
    number = compose_number(temporary_prefix(letter, "310118", birth, 2000), sequence)
    parsed = NationalStudentNumber.parse(number, today=date(2026, 11, 23))
    assert parsed.form == letter and parsed.birth_date == birth
