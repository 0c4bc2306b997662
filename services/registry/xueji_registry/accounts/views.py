"""Sign-in, the caller's identity, the token verification key, and account administration."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.accounts import service
from xueji_registry.accounts.schemas import (
    AccountCreate,
    AccountRead,
    Credentials,
    PrincipalRead,
    TokenRead,
)

router = APIRouter(prefix="/v1", tags=["accounts"])


def _principal_read(principal: object) -> PrincipalRead:
    return PrincipalRead(
        account_id=principal.account_id,
        name=principal.name,
        role=principal.role,
        unit_code=principal.unit_code,
        unit_kind=principal.unit_kind,
        unit_path=list(principal.unit_path),
    )


@router.post("/auth/token", response_model=TokenRead)
async def sign_in(credentials: Credentials, session: Session, request: Request) -> TokenRead:
    principal = await service.authenticate(session, credentials.username, credentials.password)
    issuer = request.app.state.token_issuer
    return TokenRead(
        access_token=issuer.issue(principal),
        expires_in=int(issuer.ttl.total_seconds()),
        principal=_principal_read(principal),
    )


@router.get("/auth/public-key", response_class=Response)
async def public_key(request: Request) -> Response:
    """The PEM key every service and provincial integrator verifies tokens with."""
    return Response(request.app.state.token_public_key, media_type="application/x-pem-file")


@router.get("/me", response_model=PrincipalRead)
async def me(principal: CurrentPrincipal) -> PrincipalRead:
    return _principal_read(principal)


@router.post("/accounts", response_model=AccountRead, status_code=201)
async def create_account(data: AccountCreate, principal: CurrentPrincipal, uow: Uow) -> AccountRead:
    return await service.create_account(uow, principal, data)


@router.get("/org-units/{unit_code}/accounts", response_model=list[AccountRead])
async def list_accounts(
    unit_code: str, principal: CurrentPrincipal, session: Session
) -> list[AccountRead]:
    return await service.list_accounts(session, principal, unit_code)
