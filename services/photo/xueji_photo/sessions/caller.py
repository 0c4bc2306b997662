"""The caller of a photo route: a registry token's principal, or a photo session's caller."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import current_principal
from xueji_photo.access import Caller
from xueji_photo.sessions import store
from xueji_photo.sessions.tokens import is_session_token
from xueji_photo.signing_in.client_address import client_address


def bearer_token(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def current_caller(request: Request) -> Caller:
    token = bearer_token(request)
    if not is_session_token(token):
        return await current_principal(request)
    state = request.app.state
    async with state.db.reads() as session:
        caller = await store.resolve(session, state.orgs, token, datetime.now(UTC))
    if caller is None:
        raise DomainError(errors.UNAUTHENTICATED)
    return caller


CurrentCaller = Annotated[Caller, Depends(current_caller)]


def address_of(request: Request) -> str:
    """The client address sign-in attempts are counted against."""
    peer = request.client.host if request.client else None
    forwarded = request.headers.get("x-forwarded-for")
    return client_address(peer, forwarded, request.app.state.trusted_proxies)
