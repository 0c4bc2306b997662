"""Grade-1 enrolment age: at least 6 full years on 31 August of the enrolment year."""

from __future__ import annotations

from datetime import date

from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason

GRADE1_MINIMUM_AGE = 6
CUTOFF_MONTH = 8
CUTOFF_DAY = 31


def age_in_full_years(birth_date: date, on: date) -> int:
    """Completed years of life on `on` (someone born on 29 February turns a year
    older on 1 March in common years)."""
    had_birthday = (on.month, on.day) >= (birth_date.month, birth_date.day)
    return on.year - birth_date.year - (0 if had_birthday else 1)


def grade1_cutoff(enrolment_year: int) -> date:
    return date(enrolment_year, CUTOFF_MONTH, CUTOFF_DAY)


def latest_grade1_birth_date(enrolment_year: int) -> date:
    """The last birth date that may enter grade 1 in `enrolment_year`."""
    return date(enrolment_year - GRADE1_MINIMUM_AGE, CUTOFF_MONTH, CUTOFF_DAY)


def check_grade1_age(
    birth_date: date, enrolment_year: int, *, field: str = "birth_date"
) -> list[Reason]:
    cutoff = grade1_cutoff(enrolment_year)
    age = age_in_full_years(birth_date, cutoff)
    if age >= GRADE1_MINIMUM_AGE:
        return []
    latest = latest_grade1_birth_date(enrolment_year)
    message = (
        f"一年级入学须在{enrolment_year}年8月31日（含）前年满6周岁（出生日期不晚于"
        f"{latest.isoformat()}），该生出生于{birth_date.isoformat()}"
    )
    return [Reason(ReasonCode.UNDER_AGE_GRADE1, field, message, birth_date.isoformat())]
