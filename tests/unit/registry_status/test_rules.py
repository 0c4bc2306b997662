"""The pure status-change rules: who may get which change, what it needs, what it does."""

from __future__ import annotations

import pytest

from xueji_common.errors import GRADE_CHANGE_NOT_ALLOWED
from xueji_registry.domain.code_tables import PupilStatus, StatusChangeType
from xueji_registry.error_codes import (
    DROPOUT_IN_COMPULSORY_EDUCATION,
    GRADE_CHANGE_OUT_OF_STAGE,
    NOT_GRADUATING_GRADE,
    STATUS_CHANGE_EVIDENCE_REQUIRED,
    STATUS_CHANGE_STATUS_NOT_ELIGIBLE,
)
from xueji_registry.status_changes.rules import (
    FILEABLE,
    WORKFLOW_TYPES,
    ProvinceRules,
    PupilFacts,
    effect,
    graduating_grade,
    refusal,
)
from xueji_workflows.status_change import CHANGE_TYPES

T = StatusChangeType
JIANGXI = ProvinceRules("36")
LENIENT = ProvinceRules("36", allows_repeat_grade=True, allows_skip_grade=True)


def pupil(
    status: str = PupilStatus.ENROLLED,
    stage: str = "primary",
    grade: int = 3,
    province: str = "36",
) -> PupilFacts:
    return PupilFacts(status, stage, grade, province, graduation_year=2030)


def code_of(change: StatusChangeType, facts: PupilFacts, rules: ProvinceRules = JIANGXI,
            evidence: int | None = 1) -> str | None:  # fmt: skip
    found = refusal(change, facts, rules, evidence_count=evidence)
    return found.error.code if found else None


def test_every_fileable_type_has_a_workflow_name_the_workflow_knows() -> None:
    assert T.TRANSFER not in FILEABLE
    assert set(WORKFLOW_TYPES) == set(FILEABLE)
    assert set(WORKFLOW_TYPES.values()) == CHANGE_TYPES


@pytest.mark.parametrize("stage", ["primary", "junior", "special"])
def test_dropout_is_refused_in_compulsory_education(stage: str) -> None:
    grade = 8 if stage == "junior" else 3
    found = code_of(T.DROPOUT, pupil(stage=stage, grade=grade))
    assert found == DROPOUT_IN_COMPULSORY_EDUCATION.code


def test_dropout_is_allowed_in_senior_secondary() -> None:
    assert code_of(T.DROPOUT, pupil(stage="senior", grade=11)) is None
    assert effect(T.DROPOUT, pupil(stage="senior", grade=11)).status == PupilStatus.WITHDRAWN


@pytest.mark.parametrize(
    ("change", "allowed", "refused"),
    [
        (T.SUSPENSION, PupilStatus.ENROLLED, PupilStatus.SUSPENDED),
        (T.RESUMPTION, PupilStatus.SUSPENDED, PupilStatus.ENROLLED),
        (T.DEATH, PupilStatus.ABSENT, PupilStatus.GRADUATED),
        (T.SKIP_GRADE, PupilStatus.ENROLLED, PupilStatus.SUSPENDED),
    ],
)
def test_each_type_starts_from_its_statuses(
    change: StatusChangeType, allowed: str, refused: str
) -> None:
    assert code_of(change, pupil(status=allowed), LENIENT) is None
    assert code_of(change, pupil(status=refused), LENIENT) == STATUS_CHANGE_STATUS_NOT_ELIGIBLE.code


@pytest.mark.parametrize(
    ("change", "status"),
    [
        (T.SUSPENSION, PupilStatus.SUSPENDED),
        (T.RESUMPTION, PupilStatus.ENROLLED),
        (T.DEATH, PupilStatus.DECEASED),
        (T.COMPLETION, PupilStatus.COMPLETED),
    ],
)
def test_approval_sets_the_status(change: StatusChangeType, status: str) -> None:
    start = PupilStatus.SUSPENDED if change is T.RESUMPTION else PupilStatus.ENROLLED
    grade = 6 if change is T.COMPLETION else 3
    result = effect(change, pupil(status=start, grade=grade))
    assert (result.status, result.grade, result.leaves_class) == (status, grade, False)


def test_repeat_and_skip_need_the_province_to_allow_them() -> None:
    for change in (T.REPEAT_GRADE, T.SKIP_GRADE):
        assert code_of(change, pupil()) == GRADE_CHANGE_NOT_ALLOWED.code
        assert code_of(change, pupil(), LENIENT) is None


def test_repeat_and_skip_move_cohort_and_leave_the_class() -> None:
    repeated = effect(T.REPEAT_GRADE, pupil(grade=4))
    skipped = effect(T.SKIP_GRADE, pupil(grade=4))
    assert (repeated.grade, repeated.graduation_year, repeated.leaves_class) == (3, 2031, True)
    assert (skipped.grade, skipped.graduation_year, skipped.leaves_class) == (5, 2029, True)


@pytest.mark.parametrize(
    ("change", "grade", "stage"),
    [(T.REPEAT_GRADE, 1, "primary"), (T.SKIP_GRADE, 6, "primary"), (T.REPEAT_GRADE, 7, "junior"),
     (T.SKIP_GRADE, 12, "senior")],
)  # fmt: skip
def test_a_grade_change_stays_inside_the_stage(
    change: StatusChangeType, grade: int, stage: str
) -> None:
    found = code_of(change, pupil(stage=stage, grade=grade), LENIENT)
    assert found == GRADE_CHANGE_OUT_OF_STAGE.code


def test_graduation_needs_the_graduating_grade_of_the_province() -> None:
    assert graduating_grade("primary", "36") == 6
    assert graduating_grade("primary", "31") == 5
    assert graduating_grade("special", "36") is None
    assert code_of(T.GRADUATION, pupil(grade=6)) is None
    assert code_of(T.GRADUATION, pupil(grade=5)) == NOT_GRADUATING_GRADE.code
    assert code_of(T.GRADUATION, pupil(grade=5, province="31")) is None
    assert code_of(T.GRADUATION, pupil(stage="special", grade=4)) is None


def test_evidence_is_required_by_type_and_judged_once() -> None:
    assert code_of(T.SUSPENSION, pupil(), evidence=0) == STATUS_CHANGE_EVIDENCE_REQUIRED.code
    assert code_of(T.SUSPENSION, pupil(), evidence=None) is None
    assert code_of(T.GRADUATION, pupil(grade=6), evidence=0) is None
    strict = ProvinceRules("36", evidence_required=frozenset({T.GRADUATION}))
    assert code_of(T.GRADUATION, pupil(grade=6), strict, 0) == STATUS_CHANGE_EVIDENCE_REQUIRED.code
    assert code_of(T.SUSPENSION, pupil(), strict, 0) is None
