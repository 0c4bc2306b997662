"""Rules of the pupil record that need no database: states, school years, numbers, names."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from xueji_registry.domain.check_character import check_character
from xueji_registry.domain.code_tables import PupilStatus, Stage, stage_from
from xueji_registry.domain.id_shape import EARLIEST_BIRTH_YEAR
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.school_system import stage_grades

CHINA = ZoneInfo("Asia/Shanghai")

# Statuses in which a record holds the pupil's one place in the registry (一人一籍).
ACTIVE_STATUSES: frozenset[str] = frozenset(
    {PupilStatus.ENROLLED, PupilStatus.SUSPENDED, PupilStatus.ABSENT}
)
SCHOOL_YEAR_START_MONTH = 9

# Reasons a school may settle with proof (佐证) that the data is right as recorded, e.g. an
# ID card issued with a wrong check character. Rules such as the grade-1 age are not data
# errors and cannot be proved away.
PROVABLE_REASONS: frozenset[str] = frozenset(
    {
        ReasonCode.ID_NUMBER_DIVISION_UNKNOWN,
        ReasonCode.ID_NUMBER_DIVISION_RETIRED,
        ReasonCode.ID_NUMBER_CHECK_DIGIT,
        ReasonCode.BIRTH_DATE_MISMATCH,
        ReasonCode.GENDER_MISMATCH,
        ReasonCode.NAME_TOO_LONG,
        ReasonCode.NAME_MIDDLE_DOT_POSITION,
    }
)


class RegistrationState(StrEnum):
    DRAFT = "draft"  # has problems, not submittable
    VALIDATED = "validated"  # every check passed, not yet submitted
    SUBMITTED = "submitted"  # in a submission waiting for the county (待审核)
    REGISTERED = "registered"  # approved by the county (已注册)
    RETURNED = "returned"  # the county returned it with reasons (退回)


# States the school still edits freely and which follow the checks' outcome.
OPEN_STATES = frozenset({RegistrationState.DRAFT, RegistrationState.VALIDATED})


def china_now() -> datetime:
    return datetime.now(CHINA)


def china_today() -> date:
    return china_now().date()


def school_year(today: date) -> int:
    """The school year by its starting year: 2026 for 2026-09-01 … 2027-08-31."""
    return today.year if today.month >= SCHOOL_YEAR_START_MONTH else today.year - 1


def state_after_checks(current: str, *, problem: bool) -> str:
    """Records the school still works on follow their checks; later states keep theirs.

    A returned record stays returned once fixed, so the school sees what to resubmit.
    """
    if current not in (*OPEN_STATES, RegistrationState.RETURNED):
        return current
    if problem:
        return RegistrationState.DRAFT
    if current == RegistrationState.RETURNED:
        return current
    return RegistrationState.VALIDATED


def is_active(status: str, *, deleted: bool, id_conflict: bool) -> bool:
    return status in ACTIVE_STATUSES and not deleted and not id_conflict


def graduation_year(stage: str, grade: int, enrolment_year: int, province_code: str) -> int:
    """The cohort's graduation year (毕业届别): entry year plus the stage's length.

    The length is the stage's grades in the province (5 or 6 primary years); a record
    with an unknown stage counts from its grade to grade 12.
    """
    known = stage_from(stage)
    if known is None or known is Stage.SPECIAL:
        return enrolment_year + max(1, 13 - max(1, grade))
    grades = stage_grades(known, province_code)
    return enrolment_year + len(grades)


def stage_for_grade(grade: int, province_code: str, offered: frozenset[str]) -> str | None:
    """The stage a school teaching `offered` puts a pupil of `grade` in, if any."""
    for stage in (Stage.PRIMARY, Stage.JUNIOR, Stage.SENIOR):
        if stage in offered and grade in stage_grades(stage, province_code):
            return stage
    return None


_GRADE_WORDS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def class_code(grade: int, number: int) -> str:
    return f"{grade:02d}{number:02d}"


def class_name(grade: int, number: int) -> str:
    """The name schools print: 一年级(3)班."""
    return f"{_GRADE_WORDS[grade - 1]}年级({number})班"


def temporary_prefix(
    letter: str, division: str, birth_date: date | None, fallback_year: int
) -> str:
    """Letter + area + birth date of a temporary (L) or J number, before the sequence.

    A record without a usable birth date gets 1 January of `fallback_year`, so that the
    number stays ID-shaped; such a record is problem data until its birth date is fixed.
    """
    if birth_date is None or birth_date.year < EARLIEST_BIRTH_YEAR:
        birth_date = date(fallback_year, 1, 1)
    return f"{letter}{division}{birth_date:%Y%m%d}"


def compose_number(prefix: str, sequence: int) -> str:
    """The full number for a prefix and a 3-digit sequence, with its MOD 11-2 character."""
    body = f"{prefix[1:]}{sequence:03d}"
    return f"{prefix[0]}{body}{check_character(body)}"
