"""The platform API (contract: registry-internal-api): lookup, case lock, record move."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from xueji_common.auth.principal import Principal
from xueji_common.http.deps import Session, Uow
from xueji_registry.platform_api import cases, moves
from xueji_registry.platform_api.access import platform_service
from xueji_registry.platform_api.schemas import (
    CaseClaim,
    CaseRelease,
    MoveRequest,
    MoveResult,
    PupilLookup,
)

router = APIRouter(prefix="/v1/platform", tags=["platform"])

Service = Annotated[Principal, Depends(platform_service)]


@router.get("/pupils/lookup", response_model=PupilLookup)
async def lookup(
    _caller: Service,
    session: Session,
    number: str = Query(min_length=1, max_length=40),
    name: str = Query(min_length=1, max_length=100),
) -> PupilLookup:
    return await cases.lookup(session, number, name)


@router.post("/cases/claim")
async def claim(data: CaseClaim, _caller: Service, uow: Uow) -> dict[str, bool]:
    await cases.claim(uow, data)
    return {"claimed": True}


@router.post("/cases/release")
async def release(data: CaseRelease, _caller: Service, uow: Uow) -> dict[str, bool]:
    return {"released": await cases.release(uow, data)}


@router.post("/transfers/{transfer_id}/move", response_model=MoveResult)
async def move(transfer_id: str, data: MoveRequest, caller: Service, uow: Uow) -> MoveResult:
    return await moves.move(uow, caller, transfer_id, data)
