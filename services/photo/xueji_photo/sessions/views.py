"""Signing out: the session's token stops working at once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.deps import Session
from xueji_photo.access import ParentCaller
from xueji_photo.sessions import store
from xueji_photo.sessions.caller import CurrentCaller, bearer_token
from xueji_photo.sessions.tokens import is_session_token

router = APIRouter(prefix="/v1", tags=["sessions"])


class SessionRead(BaseModel):
    """The bearer token of a parent's or teacher's session, shown this once."""

    token: str
    expires_at: datetime


class CurrentSessionRead(BaseModel):
    """Whose session the token is: a parent's (one pupil), or a teacher's with their school."""

    kind: Literal["parent", "teacher"]
    name: str | None = None
    school_code: str | None = None


@router.get("/photo-sessions/current", response_model=CurrentSessionRead)
async def current_session(request: Request, caller: CurrentCaller) -> CurrentSessionRead:
    """For a page showing who is signed in (a registry token is not a photo session)."""
    if not is_session_token(bearer_token(request)):
        raise DomainError(errors.UNAUTHENTICATED)
    if isinstance(caller, ParentCaller):
        return CurrentSessionRead(kind="parent")
    return CurrentSessionRead(kind="teacher", name=caller.name, school_code=caller.unit_code)


@router.delete("/photo-sessions/current", status_code=204)
async def sign_out(request: Request, session: Session) -> Response:
    """Revokes the parent's or teacher's own session (a registry token is not one)."""
    token = bearer_token(request)
    if not is_session_token(token):
        raise DomainError(errors.UNAUTHENTICATED)
    async with session.begin():
        await store.revoke(session, token, datetime.now(UTC))
    return Response(status_code=204)
