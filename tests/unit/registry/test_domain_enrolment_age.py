from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import relaxed
from xueji_registry.domain.enrolment_age import (
    age_in_full_years,
    check_grade1_age,
    grade1_cutoff,
    latest_grade1_birth_date,
)
from xueji_registry.domain.reason_codes import ReasonCode as C


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2020, 8, 31), date(2026, 8, 31), 6),
        (date(2020, 9, 1), date(2026, 8, 31), 5),
        (date(2020, 2, 29), date(2026, 2, 28), 5),
        (date(2020, 2, 29), date(2026, 3, 1), 6),
        (date(2020, 2, 29), date(2024, 2, 29), 4),
        (date(2026, 8, 31), date(2026, 8, 31), 0),
    ],
)
def test_age_in_full_years(birth: date, on: date, age: int) -> None:
    assert age_in_full_years(birth, on) == age


def test_cutoff_dates() -> None:
    assert grade1_cutoff(2026) == date(2026, 8, 31)
    assert latest_grade1_birth_date(2026) == date(2020, 8, 31)


def test_born_on_the_cutoff_may_enrol() -> None:
    assert check_grade1_age(date(2020, 8, 31), 2026) == []
    assert check_grade1_age(date(2019, 9, 1), 2026) == []


def test_born_a_day_later_is_rejected_with_the_reason() -> None:
    (reason,) = check_grade1_age(date(2020, 9, 1), 2026)
    assert reason.code == C.UNDER_AGE_GRADE1
    assert reason.field == "birth_date"
    assert reason.value == "2020-09-01"
    assert "2020-08-31" in reason.message and "6周岁" in reason.message


@relaxed
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=2005, max_value=2035),
)
def test_rule_matches_the_latest_birth_date(birth: date, year: int) -> None:
    accepted = check_grade1_age(birth, year) == []
    assert accepted == (birth <= latest_grade1_birth_date(year))
