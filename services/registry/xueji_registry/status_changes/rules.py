"""Which status change a pupil may get, what it needs and what approval does (pure).

Province rules are data (`ProvinceRules`, stored per province): whether 留级/跳级 are allowed
and which change types must carry evidence. The national default allows neither and asks
for evidence wherever the change rests on a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xueji_common import errors
from xueji_common.errors import ErrorCode
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import (
    DROPOUT_STAGES,
    STATUS_CHANGE_TYPE_NAMES,
    PupilStatus,
    Stage,
    StatusChangeType,
    stage_from,
)
from xueji_registry.domain.school_system import stage_grades

# What a school may file here; transfers have their own service.
FILEABLE: tuple[StatusChangeType, ...] = tuple(
    t for t in StatusChangeType if t is not StatusChangeType.TRANSFER
)

# The workflows' names for the types (xueji_workflows.status_change.CHANGE_TYPES).
WORKFLOW_TYPES: dict[StatusChangeType, str] = {
    **{t: t.value for t in FILEABLE},
    StatusChangeType.REPEAT_GRADE: "repeat",
    StatusChangeType.SKIP_GRADE: "skip",
}

# The document each type rests on, named as schools know it.
EVIDENCE_NAMES: dict[StatusChangeType, str] = {
    StatusChangeType.SUSPENSION: "医院诊断证明等休学证明",
    StatusChangeType.RESUMPTION: "复学申请及康复证明",
    StatusChangeType.DROPOUT: "退学申请",
    StatusChangeType.DEATH: "死亡证明",
    StatusChangeType.GRADUATION: "毕业审核材料",
    StatusChangeType.COMPLETION: "结业审核材料",
    StatusChangeType.REPEAT_GRADE: "监护人留级申请",
    StatusChangeType.SKIP_GRADE: "监护人跳级申请及学业测评材料",
}

DEFAULT_EVIDENCE_REQUIRED: frozenset[StatusChangeType] = frozenset(
    {
        StatusChangeType.SUSPENSION,
        StatusChangeType.RESUMPTION,
        StatusChangeType.DROPOUT,
        StatusChangeType.DEATH,
        StatusChangeType.REPEAT_GRADE,
        StatusChangeType.SKIP_GRADE,
    }
)

# The statuses each type starts from, and where approval leaves the pupil.
_FROM: dict[StatusChangeType, frozenset[PupilStatus]] = {
    StatusChangeType.SUSPENSION: frozenset({PupilStatus.ENROLLED}),
    StatusChangeType.RESUMPTION: frozenset({PupilStatus.SUSPENDED}),
    StatusChangeType.DROPOUT: frozenset({PupilStatus.ENROLLED, PupilStatus.SUSPENDED}),
    StatusChangeType.DEATH: frozenset(
        {PupilStatus.ENROLLED, PupilStatus.SUSPENDED, PupilStatus.ABSENT}
    ),
    StatusChangeType.GRADUATION: frozenset({PupilStatus.ENROLLED}),
    StatusChangeType.COMPLETION: frozenset({PupilStatus.ENROLLED}),
    StatusChangeType.REPEAT_GRADE: frozenset({PupilStatus.ENROLLED, PupilStatus.SUSPENDED}),
    StatusChangeType.SKIP_GRADE: frozenset({PupilStatus.ENROLLED}),
}
_TO: dict[StatusChangeType, PupilStatus | None] = {
    StatusChangeType.SUSPENSION: PupilStatus.SUSPENDED,
    StatusChangeType.RESUMPTION: PupilStatus.ENROLLED,
    StatusChangeType.DROPOUT: PupilStatus.WITHDRAWN,
    StatusChangeType.DEATH: PupilStatus.DECEASED,
    StatusChangeType.GRADUATION: PupilStatus.GRADUATED,
    StatusChangeType.COMPLETION: PupilStatus.COMPLETED,
    StatusChangeType.REPEAT_GRADE: None,
    StatusChangeType.SKIP_GRADE: None,
}
_GRADE_STEP = {StatusChangeType.REPEAT_GRADE: -1, StatusChangeType.SKIP_GRADE: 1}


@dataclass(frozen=True)
class ProvinceRules:
    province_code: str
    allows_repeat_grade: bool = False
    allows_skip_grade: bool = False
    evidence_required: frozenset[StatusChangeType] = DEFAULT_EVIDENCE_REQUIRED

    def allows(self, change_type: StatusChangeType) -> bool:
        if change_type is StatusChangeType.REPEAT_GRADE:
            return self.allows_repeat_grade
        if change_type is StatusChangeType.SKIP_GRADE:
            return self.allows_skip_grade
        return True


@dataclass(frozen=True)
class PupilFacts:
    """What the rules need to know about a pupil."""

    status: str
    stage: str
    grade: int
    province_code: str
    graduation_year: int


@dataclass(frozen=True)
class Refusal:
    error: ErrorCode
    detail: str | None = None


@dataclass(frozen=True)
class Effect:
    """What approval writes: the new status, grade and cohort; a new grade leaves the class."""

    status: str
    grade: int
    graduation_year: int
    leaves_class: bool = False


def type_name(change_type: StatusChangeType) -> str:
    return STATUS_CHANGE_TYPE_NAMES[change_type]


def graduating_grade(stage: str, province_code: str) -> int | None:
    """The last grade of the stage in this province; None for special education (any grade)."""
    known = stage_from(stage)
    if known is None or known is Stage.SPECIAL:
        return None
    return max(stage_grades(known, province_code))


def _grade_refusal(change_type: StatusChangeType, pupil: PupilFacts) -> Refusal | None:
    target = pupil.grade + _GRADE_STEP[change_type]
    known = stage_from(pupil.stage)
    grades = stage_grades(known, pupil.province_code) if known else frozenset()
    if target not in grades:
        return Refusal(error_codes.GRADE_CHANGE_OUT_OF_STAGE, f"{pupil.grade}年级→{target}年级")
    return None


def refusal(
    change_type: StatusChangeType,
    pupil: PupilFacts,
    rules: ProvinceRules,
    *,
    evidence_count: int | None,
) -> Refusal | None:
    """The first reason this pupil cannot get this change now, or None.

    `evidence_count` None skips the evidence rule (judged once, when the case was filed).
    """
    if change_type is StatusChangeType.DROPOUT and pupil.stage not in DROPOUT_STAGES:
        return Refusal(error_codes.DROPOUT_IN_COMPULSORY_EDUCATION)
    if not rules.allows(change_type):
        return Refusal(errors.GRADE_CHANGE_NOT_ALLOWED, type_name(change_type))
    if pupil.status not in _FROM[change_type]:
        refused = f"{type_name(change_type)}：{pupil.status}"
        return Refusal(error_codes.STATUS_CHANGE_STATUS_NOT_ELIGIBLE, refused)
    if change_type in (StatusChangeType.GRADUATION, StatusChangeType.COMPLETION):
        last = graduating_grade(pupil.stage, pupil.province_code)
        if last is not None and pupil.grade != last:
            return Refusal(error_codes.NOT_GRADUATING_GRADE, f"毕业年级为{last}年级")
    if change_type in _GRADE_STEP:
        found = _grade_refusal(change_type, pupil)
        if found is not None:
            return found
    if evidence_count == 0 and change_type in rules.evidence_required:
        return Refusal(error_codes.STATUS_CHANGE_EVIDENCE_REQUIRED, EVIDENCE_NAMES[change_type])
    return None


def effect(change_type: StatusChangeType, pupil: PupilFacts) -> Effect:
    """What approval does to the record; call after `refusal` found nothing."""
    step = _GRADE_STEP.get(change_type)
    if step is not None:
        # Repeating joins the cohort a year behind (graduating a year later); skipping the
        # cohort a year ahead.
        return Effect(
            status=pupil.status,
            grade=pupil.grade + step,
            graduation_year=pupil.graduation_year - step,
            leaves_class=True,
        )
    target = _TO[change_type]
    assert target is not None
    return Effect(status=target, grade=pupil.grade, graduation_year=pupil.graduation_year)


def parse_types(values: Sequence[str]) -> frozenset[StatusChangeType]:
    """Change types from their codes; ValueError names an unknown one."""
    return frozenset(StatusChangeType(v) for v in values)
