"""Province rules for transfers (SPEC §5) and the checks they make when a transfer is filed.

Each province may refuse transfers of suspended or disciplined pupils, allow only the same
grade, and refuse pupils in their graduating year. Both provinces' rules apply: either may
refuse, and the stricter review limits of the two are used.
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_transfer import error_codes


@dataclass(frozen=True)
class ProvinceRules:
    no_transfer_while_suspended: bool = True
    no_transfer_under_discipline: bool = True
    same_grade_only: bool = True
    no_transfer_in_graduating_year: bool = True
    # Last grade of each stage (六三三制); five-year primary provinces list 5 instead of 6.
    graduating_grades: frozenset[int] = frozenset({6, 9, 12})
    school_working_days: int = 5
    bureau_working_days: int = 10


NATIONAL_DEFAULTS = ProvinceRules()


@dataclass(frozen=True)
class PupilStanding:
    """What the registry says of the pupil at filing time."""

    grade: int
    suspended: bool
    disciplined: bool


def check_rules(pupil: PupilStanding, target_grade: int, rules: tuple[ProvinceRules, ...]) -> None:
    """Raise the first refusal any of `rules` (the two provinces') gives this transfer."""
    if pupil.suspended and any(r.no_transfer_while_suspended for r in rules):
        raise DomainError(error_codes.SUSPENDED_NOT_ALLOWED)
    if pupil.disciplined and any(r.no_transfer_under_discipline for r in rules):
        raise DomainError(error_codes.DISCIPLINE_NOT_ALLOWED)
    if target_grade != pupil.grade and any(r.same_grade_only for r in rules):
        raise DomainError(
            errors.GRADE_CHANGE_NOT_ALLOWED,
            field="target_grade",
            detail=f"当前{pupil.grade}年级，申请转入{target_grade}年级",
        )
    if any(r.no_transfer_in_graduating_year and pupil.grade in r.graduating_grades for r in rules):
        raise DomainError(error_codes.GRADUATING_YEAR, detail=f"{pupil.grade}年级")


def review_limits(rules: tuple[ProvinceRules, ...]) -> tuple[int, int]:
    """(school working days, bureau working days): the stricter of the provinces' limits."""
    return (
        min(r.school_working_days for r in rules),
        min(r.bureau_working_days for r in rules),
    )
