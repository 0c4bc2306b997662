"""A teacher's username, password and real name, checked before anything is stored."""

from __future__ import annotations

import pytest

from xueji_common.errors import DomainError
from xueji_photo.schools.accounts import (
    check_teacher_password,
    checked_real_name,
    checked_username,
)


def test_usernames_are_kept_lower_case() -> None:
    assert checked_username("Wang.Laoshi") == "wang.laoshi"


@pytest.mark.parametrize("username", ["ab", "王老师", "a b c", "x" * 65])
def test_other_usernames_are_refused(username: str) -> None:
    with pytest.raises(DomainError) as refused:
        checked_username(username)
    assert refused.value.error.code == "PHOTO_TEACHER_USERNAME_INVALID"


@pytest.mark.parametrize("password", ["short1", "onlyletters", "1234567890"])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(DomainError) as refused:
        check_teacher_password(password)
    assert refused.value.error.code == "PHOTO_TEACHER_PASSWORD_TOO_WEAK"


def test_a_long_password_with_letters_and_digits_passes() -> None:
    check_teacher_password("laoshi2026x")


def test_the_real_name_is_required() -> None:
    assert checked_real_name(" 王芳 ") == "王芳"
    with pytest.raises(DomainError):
        checked_real_name("  ")
