"""Account rules: usernames, password strength, which role fits which unit; no I/O."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from xueji_common.auth.principal import ROLES_BY_UNIT_KIND, Role, UnitKind
from xueji_common.errors import DomainError
from xueji_registry import error_codes

USERNAME = re.compile(r"[A-Za-z0-9_.\-]{3,64}")
PASSWORD_MIN_LENGTH = 10
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


def check_username(username: str) -> str:
    if not USERNAME.fullmatch(username):
        raise DomainError(error_codes.ACCOUNT_USERNAME_INVALID, field="username")
    return username.lower()


def check_password(password: str) -> None:
    if (
        len(password) < PASSWORD_MIN_LENGTH
        or not any(c.isalpha() for c in password)
        or not any(c.isdigit() for c in password)
    ):
        raise DomainError(error_codes.PASSWORD_TOO_WEAK, field="password")


def check_role(role: Role, unit_kind: UnitKind) -> None:
    if role not in ROLES_BY_UNIT_KIND[unit_kind]:
        raise DomainError(error_codes.ACCOUNT_ROLE_NOT_ALLOWED, field="role", detail=role.value)


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now


def lock_after_failure(failed_logins: int, now: datetime) -> datetime | None:
    """When the n-th consecutive failure locks the account, until when."""
    return now + LOCKOUT if failed_logins >= MAX_FAILED_LOGINS else None
