"""The platform API (contract: xueji_common.platform_contract): lookup, case lock, record move."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from xueji_common.auth.principal import Principal
from xueji_common.http.deps import Session, Uow
from xueji_common.platform_contract import (
    CLAIM_PATH,
    LOOKUP_PATH,
    MOVE_PATH,
    RELEASE_PATH,
    CaseClaim,
    CaseClaimed,
    CaseRelease,
    CaseReleased,
    LookupQuery,
    MoveRequest,
    MoveResult,
    PupilLookup,
)
from xueji_registry.platform_api import cases, moves
from xueji_registry.platform_api.access import platform_service

router = APIRouter(tags=["platform"])

Service = Annotated[Principal, Depends(platform_service)]


@router.get(LOOKUP_PATH, response_model=PupilLookup)
async def lookup(
    _caller: Service, session: Session, query: Annotated[LookupQuery, Query()]
) -> PupilLookup:
    return await cases.lookup(session, query.number, query.name)


@router.post(CLAIM_PATH, response_model=CaseClaimed)
async def claim(data: CaseClaim, _caller: Service, uow: Uow) -> CaseClaimed:
    await cases.claim(uow, data)
    return CaseClaimed(claimed=True)


@router.post(RELEASE_PATH, response_model=CaseReleased)
async def release(data: CaseRelease, _caller: Service, uow: Uow) -> CaseReleased:
    return CaseReleased(released=await cases.release(uow, data))


@router.post(MOVE_PATH, response_model=MoveResult)
async def move(transfer_id: str, data: MoveRequest, caller: Service, uow: Uow) -> MoveResult:
    return await moves.move(uow, caller, transfer_id, data)
