"""Who may upload for a pupil, and what is refused before the checks run."""

from __future__ import annotations

from datetime import date

import pytest

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.errors import DomainError
from xueji_photo import access, error_codes
from xueji_photo.uploads.decision import (
    ALREADY_ACCEPTED,
    OUTSIDE_WINDOW,
    PupilOnRoster,
    check_caller,
    check_upload,
    outcome_of,
)
from xueji_photo.windows.rule import Window

SCHOOL = ("CN", "31", "3101", "310118", "2131000101")
PUPIL = PupilOnRoster(
    "p-1", "G310101201901010011", "2131000101", "/CN/31/3101/310118/2131000101/", "31",
    "enrolled", "grade_one_entrant",
)  # fmt: skip
WINDOW = Window("310118", "/CN/31/3101/310118/", "grade_one_entrant",
                date(2026, 10, 10), date(2026, 11, 21))  # fmt: skip
KINDS = (UnitKind.NATION, UnitKind.PROVINCE, UnitKind.CITY, UnitKind.COUNTY, UnitKind.SCHOOL)


def caller(role: Role, path: tuple[str, ...]) -> Principal:
    return Principal("a-1", "陈老师", role, path[-1], KINDS[len(path) - 1], path)


def test_the_pupils_school_registrar_and_teacher_may_upload() -> None:
    for role in (Role.SCHOOL_REGISTRAR, Role.CLASS_TEACHER):
        assert check_caller(caller(role, SCHOOL), PUPIL) == PUPIL


def test_a_bureau_sees_the_pupil_but_may_not_upload() -> None:
    with pytest.raises(DomainError) as refused:
        check_caller(caller(Role.COUNTY_OFFICER, SCHOOL[:4]), PUPIL)
    assert refused.value.error is errors.FORBIDDEN


@pytest.mark.parametrize("pupil", [None, PUPIL])
def test_another_school_learns_nothing(pupil: PupilOnRoster | None) -> None:
    other = (*SCHOOL[:4], "2131000102")
    with pytest.raises(DomainError) as refused:
        check_caller(caller(Role.SCHOOL_REGISTRAR, other), pupil)
    assert refused.value.error is error_codes.PHOTO_PUPIL_NOT_FOUND


def test_reopening_is_the_county_bureaus_alone() -> None:
    assert access.may_reopen(caller(Role.COUNTY_OFFICER, SCHOOL[:4]), PUPIL.scope_path)
    assert not access.may_reopen(caller(Role.CITY_OFFICER, SCHOOL[:3]), PUPIL.scope_path)
    assert not access.may_reopen(caller(Role.SCHOOL_REGISTRAR, SCHOOL), PUPIL.scope_path)
    other_county = ("CN", "31", "3101", "310104")
    assert not access.may_reopen(caller(Role.COUNTY_OFFICER, other_county), PUPIL.scope_path)


def test_rules_are_set_by_the_province_itself() -> None:
    assert access.may_set_rule(caller(Role.PROVINCE_OFFICER, ("CN", "31")), "31")
    assert not access.may_set_rule(caller(Role.PROVINCE_OFFICER, ("CN", "32")), "31")
    assert not access.may_set_rule(caller(Role.COUNTY_OFFICER, SCHOOL[:4]), "31")


def test_an_enrolled_pupil_without_a_photo_inside_the_window_goes_to_the_checks() -> None:
    check_upload(PUPIL, has_accepted_photo=False, window=WINDOW, today=date(2026, 10, 12))


@pytest.mark.parametrize(
    ("has_photo", "today", "error", "outcome"),
    [
        (True, date(2026, 10, 12), error_codes.PHOTO_ALREADY_ACCEPTED, ALREADY_ACCEPTED),
        (False, date(2026, 12, 1), error_codes.PHOTO_OUTSIDE_WINDOW, OUTSIDE_WINDOW),
    ],
)
def test_a_final_photo_and_the_window_are_refused_before_the_checks(
    has_photo: bool, today: date, error: object, outcome: str
) -> None:
    with pytest.raises(DomainError) as refused:
        check_upload(PUPIL, has_accepted_photo=has_photo, window=WINDOW, today=today)
    assert refused.value.error is error
    assert outcome_of(refused.value) == outcome


def test_a_pupil_who_left_is_not_photographed() -> None:
    left = PupilOnRoster(*[*PUPIL.__dict__.values()][:5], "graduated", "graduating")
    with pytest.raises(DomainError) as refused:
        check_upload(left, has_accepted_photo=False, window=WINDOW, today=date(2026, 10, 12))
    assert refused.value.error is error_codes.PHOTO_PUPIL_NOT_ENROLLED
