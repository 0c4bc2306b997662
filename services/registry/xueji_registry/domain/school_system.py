"""Which grades belong to which stage (学制).

Grades run 1-12 across stages. Primary school lasts 6 years in most
provinces and 5 in Shanghai (its graduating primary grade is 5, seed 000);
provinces that run both systems side by side accept either. Special-education
pupils may be in any grade.
"""

from __future__ import annotations

from types import MappingProxyType

from xueji_registry.domain.code_tables import STAGE_NAMES, Stage, stage_from
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason

FIRST_GRADE = 1
LAST_GRADE = 12
FIRST_SENIOR_GRADE = 10
DEFAULT_PRIMARY_YEARS = frozenset({6})
PRIMARY_YEARS_BY_PROVINCE = MappingProxyType(
    {
        "31": frozenset({5}),  # 上海: 五四制
        "23": frozenset({5, 6}),  # 黑龙江: 五四制 and 六三制 coexist
        "37": frozenset({5, 6}),  # 山东: 五四制 and 六三制 coexist
    }
)


def primary_years(province_code: str) -> frozenset[int]:
    return PRIMARY_YEARS_BY_PROVINCE.get(province_code, DEFAULT_PRIMARY_YEARS)


def stage_grades(stage: Stage, province_code: str) -> frozenset[int]:
    """Every grade a pupil of `stage` may be in, in this province."""
    years = primary_years(province_code)
    if stage is Stage.PRIMARY:
        return frozenset(range(FIRST_GRADE, max(years) + 1))
    if stage is Stage.JUNIOR:
        return frozenset(range(min(years) + 1, FIRST_SENIOR_GRADE))
    if stage is Stage.SENIOR:
        return frozenset(range(FIRST_SENIOR_GRADE, LAST_GRADE + 1))
    return frozenset(range(FIRST_GRADE, LAST_GRADE + 1))


def check_grade(grade: int, stage: str, province_code: str) -> list[Reason]:
    if not FIRST_GRADE <= grade <= LAST_GRADE:
        message = f"年级应为{FIRST_GRADE}至{LAST_GRADE}，实际为{grade}"
        return [Reason(ReasonCode.GRADE_OUT_OF_RANGE, "grade", message, str(grade))]
    known = stage_from(stage)
    if known is None:
        message = f"学段代码“{stage}”不存在"
        return [Reason(ReasonCode.STAGE_UNKNOWN, "stage", message, stage)]
    if grade not in stage_grades(known, province_code):
        message = f"{grade}年级不属于{STAGE_NAMES[known]}学段"
        return [Reason(ReasonCode.GRADE_STAGE_MISMATCH, "grade", message, str(grade))]
    return []
