"""Signing out: the session's token stops working at once."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.deps import Session
from xueji_photo.sessions import store
from xueji_photo.sessions.caller import bearer_token
from xueji_photo.sessions.tokens import is_session_token

router = APIRouter(prefix="/v1", tags=["sessions"])


class SessionRead(BaseModel):
    """The bearer token of a parent's or teacher's session, shown this once."""

    token: str
    expires_at: datetime


@router.delete("/photo-sessions/current", status_code=204)
async def sign_out(request: Request, session: Session) -> Response:
    """Revokes the parent's or teacher's own session (a registry token is not one)."""
    token = bearer_token(request)
    if not is_session_token(token):
        raise DomainError(errors.UNAUTHENTICATED)
    async with session.begin():
        await store.revoke(session, token, datetime.now(UTC))
    return Response(status_code=204)
