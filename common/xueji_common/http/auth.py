"""Request authentication: a bearer token becomes a Principal, or the request is refused."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.auth.tokens import InvalidToken, TokenVerifier
from xueji_common.errors import DomainError


def _verifier(request: Request) -> TokenVerifier:
    verifier = getattr(request.app.state, "token_verifier", None)
    if verifier is None:
        raise RuntimeError("app.state.token_verifier is not configured")
    return verifier


async def current_principal(request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise DomainError(errors.UNAUTHENTICATED)
    try:
        return _verifier(request).verify(token.strip())
    except InvalidToken:
        raise DomainError(errors.UNAUTHENTICATED) from None


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
