"""Who is signed in: the registry's token in an HttpOnly cookie, verified offline.

The console keeps no session store: the token cookie is the session, and a random session-id
cookie binds each form's CSRF token (an HMAC of it under the console's key). Any replica
serves any request, and a restart signs nobody out. Both cookies are HttpOnly (no page script
reads them), Secure (browsers accept that on http://127.0.0.1 and localhost too, so local
development needs no exception) and SameSite=Lax.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import jwt
from starlette.responses import Response

from xueji_common.auth.principal import Principal
from xueji_common.auth.tokens import InvalidToken, TokenVerifier

TOKEN_COOKIE = "xueji_token"
SESSION_COOKIE = "xueji_sid"
CSRF_FIELD = "csrf_token"
# Photo-service sessions, which are no registry role: a parent (one pupil), a teacher
# registered with the school's code. Their keys in the navigation table.
PARENT = "photo_parent"
TEACHER = "photo_teacher"
PHOTO_TOKEN_COOKIE = "xueji_photo_token"
# The id of the captcha whose picture this browser was shown; its answer stays in the service.
CAPTCHA_COOKIE = "xueji_captcha"


@dataclass(frozen=True)
class PhotoVisitor:
    """A parent's or a teacher's photo session; `role` is its key in the navigation table."""

    role: str
    token: str
    name: str
    school_code: str | None

    @property
    def is_parent(self) -> bool:
        return self.role == PARENT


def uses_photo_session(cookies: Mapping[str, str]) -> bool:
    """A browser holding a photo session and no staff sign-in acts as the parent or teacher."""
    return PHOTO_TOKEN_COOKIE in cookies and TOKEN_COOKIE not in cookies


class SignInRequired(Exception):
    """No usable session: the person signs in again; `expired` picks the message."""

    def __init__(self, *, expired: bool) -> None:
        super().__init__("expired" if expired else "signed out")
        self.expired = expired


@dataclass(frozen=True)
class Visitor:
    """The signed-in person, with the token every API call carries on their behalf."""

    principal: Principal
    token: str
    expires_at: datetime


def visitor_of(token: str | None, verifier: TokenVerifier) -> Visitor:
    if not token:
        raise SignInRequired(expired=False)
    try:
        principal = verifier.verify(token)
    except InvalidToken as exc:
        raise SignInRequired(expired=isinstance(exc.__cause__, jwt.ExpiredSignatureError)) from exc
    # Verified just above; read again only for its expiry, which Principal does not carry.
    claims = jwt.decode(token, options={"verify_signature": False})
    return Visitor(principal, token, datetime.fromtimestamp(int(claims["exp"]), UTC))


class SessionKeys:
    """Session ids and the CSRF tokens bound to them."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    @staticmethod
    def new_session_id() -> str:
        return secrets.token_urlsafe(32)

    def csrf_token(self, session_id: str) -> str:
        return hmac.new(self._key, session_id.encode(), hashlib.sha256).hexdigest()

    def csrf_valid(self, session_id: str | None, sent: object) -> bool:
        if not session_id or not isinstance(sent, str):
            return False
        return hmac.compare_digest(self.csrf_token(session_id), sent)


def set_cookie(response: Response, name: str, value: str) -> None:
    # No max-age: the browser keeps the cookie for its session, and the token's own expiry
    # decides, so an expired session is told so instead of silently signed out.
    response.set_cookie(name, value, httponly=True, secure=True, samesite="lax", path="/")


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, httponly=True, secure=True, samesite="lax", path="/")
