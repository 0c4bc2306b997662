"""Opaque session tokens: random, shown once to their holder, stored only as a hash (pure).

They are not signed, so the photo service needs no key of its own, and revoking one is
deleting nothing but marking its row.
"""

from __future__ import annotations

import hashlib
import secrets

# Tells a photo session from a registry token (a JWT, which never starts so).
PREFIX = "xjps_"


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def is_session_token(token: str) -> bool:
    return token.startswith(PREFIX)


def token_hash(token: str) -> str:
    """A plain SHA-256 suffices: the token has 256 random bits, nothing to guess."""
    return hashlib.sha256(token.encode()).hexdigest()
