"""Province rules and the filing checks (pure)."""

import pytest

from xueji_common.errors import DomainError
from xueji_common.platform_contract import OpenCase, PupilLookup
from xueji_transfer.rules.model import (
    NATIONAL_DEFAULTS,
    ProvinceRules,
    PupilStanding,
    check_rules,
    review_limits,
)
from xueji_transfer.transfers.eligibility import check_pupil

LENIENT = ProvinceRules(
    no_transfer_while_suspended=False,
    no_transfer_under_discipline=False,
    same_grade_only=False,
    no_transfer_in_graduating_year=False,
)


def _code(pupil: PupilStanding, grade: int, *rules: ProvinceRules) -> str | None:
    try:
        check_rules(pupil, grade, rules)
    except DomainError as error:
        return error.error.code
    return None


def test_either_province_may_refuse() -> None:
    suspended = PupilStanding(grade=3, suspended=True, disciplined=False)
    assert _code(suspended, 3, LENIENT, LENIENT) is None
    assert _code(suspended, 3, LENIENT, NATIONAL_DEFAULTS) == "SUSPENDED_NOT_ALLOWED"
    disciplined = PupilStanding(grade=3, suspended=False, disciplined=True)
    assert _code(disciplined, 3, NATIONAL_DEFAULTS, LENIENT) == "DISCIPLINE_NOT_ALLOWED"


def test_same_grade_and_graduating_year() -> None:
    pupil = PupilStanding(grade=5, suspended=False, disciplined=False)
    assert _code(pupil, 6, NATIONAL_DEFAULTS) == "GRADE_CHANGE_NOT_ALLOWED"
    assert _code(pupil, 6, LENIENT) is None
    assert _code(pupil, 5, NATIONAL_DEFAULTS) is None
    five_year_primary = ProvinceRules(graduating_grades=frozenset({5, 9, 12}))
    assert _code(pupil, 5, five_year_primary) == "GRADUATING_YEAR"


def test_the_stricter_review_limits_apply() -> None:
    quick = ProvinceRules(school_working_days=3, bureau_working_days=12)
    assert review_limits((NATIONAL_DEFAULTS, quick)) == (3, 10)


def _lookup(**changes: object) -> PupilLookup:
    base = {
        "pupil_id": "7d3f8a52-0c8e-4d7a-9d55-3c1f0f6b2a10",
        "national_number": "G1", "name": "张小明", "gender": "1", "birth_date": None,
        "school_code": "2143000101", "school_path": ["CN", "43", "4301", "430102", "2143000101"],
        "grade": 3, "class_code": None, "stage": "primary", "status": "enrolled",
        "registration_state": "registered", "problem": False, "open_case": None,
        "suspended": False, "disciplined": False,
    }  # fmt: skip
    return PupilLookup.model_validate({**base, **changes})


@pytest.mark.parametrize(
    ("changes", "province", "receiving", "code"),
    [
        ({}, "41", "2141000101", "SENDING_PROVINCE_MISMATCH"),
        ({}, "43", "2143000101", "SAME_SCHOOL"),
        ({"status": "graduated"}, "43", "2141000101", "PUPIL_NOT_ACTIVE"),
        ({"problem": True}, "43", "2141000101", "PUPIL_HAS_PROBLEMS"),
        ({"open_case": OpenCase(case_id="TR-x", kind="transfer")}, "43", "2141000101",
         "PUPIL_HAS_OPEN_CASE"),
    ],
)  # fmt: skip
def test_pupil_checks(changes: dict, province: str, receiving: str, code: str) -> None:
    with pytest.raises(DomainError) as raised:
        check_pupil(
            _lookup(**changes),
            sending_province=province,
            receiving_school=receiving,
            target_grade=3,
            rules=(NATIONAL_DEFAULTS,),
        )
    assert raised.value.error.code == code


def test_an_open_case_is_named_with_the_national_error_code() -> None:
    with pytest.raises(DomainError) as raised:
        check_pupil(
            _lookup(open_case=OpenCase(case_id="SC-9", kind="suspension")),
            sending_province="43",
            receiving_school="2141000101",
            target_grade=3,
            rules=(NATIONAL_DEFAULTS,),
        )
    assert "SC-9" in raised.value.message
    assert raised.value.extra["national_error"] == 2002


def test_an_active_pupil_passes() -> None:
    check_pupil(
        _lookup(status="absent"),
        sending_province="43",
        receiving_school="2141000101",
        target_grade=3,
        rules=(NATIONAL_DEFAULTS,),
    )
