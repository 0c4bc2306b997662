import pytest

from xueji_registry.domain.code_tables import Stage
from xueji_registry.domain.reason_codes import ReasonCode as C
from xueji_registry.domain.school_system import check_grade, primary_years, stage_grades


def codes(grade: int, stage: str, province: str = "32") -> list[str]:
    return [r.code for r in check_grade(grade, stage, province)]


def test_six_three_three_by_default() -> None:
    assert primary_years("32") == {6}
    assert stage_grades(Stage.PRIMARY, "32") == set(range(1, 7))
    assert stage_grades(Stage.JUNIOR, "32") == {7, 8, 9}
    assert stage_grades(Stage.SENIOR, "32") == {10, 11, 12}
    assert stage_grades(Stage.SPECIAL, "32") == set(range(1, 13))


def test_shanghai_is_five_four() -> None:
    assert stage_grades(Stage.PRIMARY, "31") == set(range(1, 6))
    assert stage_grades(Stage.JUNIOR, "31") == {6, 7, 8, 9}
    assert codes(6, "junior", "31") == []
    assert codes(6, "primary", "31") == [C.GRADE_STAGE_MISMATCH]


def test_mixed_provinces_accept_both() -> None:
    assert codes(6, "junior", "37") == []
    assert codes(6, "primary", "37") == []


@pytest.mark.parametrize(
    ("grade", "stage"), [(1, "primary"), (9, "junior"), (12, "senior"), (3, "special")]
)
def test_accepted(grade: int, stage: str) -> None:
    assert codes(grade, stage) == []


@pytest.mark.parametrize("grade", [0, -1, 13])
def test_grade_out_of_range(grade: int) -> None:
    assert codes(grade, "primary") == [C.GRADE_OUT_OF_RANGE]


def test_unknown_stage() -> None:
    assert codes(3, "nursery") == [C.STAGE_UNKNOWN]


@pytest.mark.parametrize(("grade", "stage"), [(7, "primary"), (6, "junior"), (9, "senior")])
def test_mismatch(grade: int, stage: str) -> None:
    assert codes(grade, stage) == [C.GRADE_STAGE_MISMATCH]
