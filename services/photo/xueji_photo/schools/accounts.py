"""A teacher's account rules (pure), the same as the registry's own accounts."""

from __future__ import annotations

import re

from xueji_common.errors import DomainError
from xueji_photo import error_codes

USERNAME = re.compile(r"[A-Za-z0-9_.\-]{3,64}")
PASSWORD_MIN_LENGTH = 10


def checked_username(username: str) -> str:
    if not USERNAME.fullmatch(username):
        raise DomainError(error_codes.PHOTO_TEACHER_USERNAME_INVALID, field="username")
    return username.lower()


def check_teacher_password(password: str) -> None:
    strong = (
        len(password) >= PASSWORD_MIN_LENGTH
        and any(c.isalpha() for c in password)
        and any(c.isdigit() for c in password)
    )
    if not strong:
        raise DomainError(error_codes.PHOTO_TEACHER_PASSWORD_TOO_WEAK, field="password")


def checked_real_name(name: str) -> str:
    real_name = name.strip()
    if not real_name:
        raise DomainError(error_codes.PHOTO_TEACHER_NAME_REQUIRED, field="real_name")
    return real_name
