"""Registration codes (pure): random, shown once, kept only as a hash; one live per school.

Twelve characters from 30 unambiguous ones (about 59 bits) cannot be guessed online, so a
plain SHA-256 of the normalised code is a sufficient record.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from xueji_common.errors import DomainError
from xueji_photo import error_codes

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
GROUPS = 3
GROUP_LENGTH = 4


def new_code() -> str:
    """'K7QM-2XWD-9RTB': read out over the phone or copied from a letter."""
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join(groups)


def normalized(code: str) -> str:
    """As typed: case, hyphens and spaces do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    return hashlib.sha256(normalized(code).encode()).hexdigest()


@dataclass(frozen=True)
class IssuedCode:
    id: str
    school_code: str
    issued_at: datetime
    revoked_at: datetime | None

    @property
    def live(self) -> bool:
        return self.revoked_at is None


def registering_code(code: IssuedCode | None) -> IssuedCode:
    """The code a teacher registers with, if it is live; a revoked code registers nobody
    (the teachers it registered keep their accounts)."""
    if code is None or not code.live:
        raise DomainError(error_codes.PHOTO_REGISTRATION_CODE_INVALID, field="registration_code")
    return code
