"""Correction requests over HTTP."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.corrections import service
from xueji_registry.corrections.schemas import (
    CorrectionCreate,
    CorrectionDecision,
    CorrectionRead,
)
from xueji_registry.pupils.deps import Numbers
from xueji_registry.pupils.model import china_today

router = APIRouter(prefix="/v1", tags=["corrections"])


@router.post("/corrections", response_model=CorrectionRead, status_code=201)
async def request_correction(
    data: CorrectionCreate, principal: CurrentPrincipal, uow: Uow, session: Session
) -> CorrectionRead:
    correction_id = await service.request_correction(uow, principal, data, today=china_today())
    return CorrectionRead.of(await service.get_correction(session, principal, correction_id))


@router.get("/corrections", response_model=list[CorrectionRead])
async def list_corrections(
    principal: CurrentPrincipal,
    session: Session,
    state: Literal["pending", "approved", "refused"] | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> list[CorrectionRead]:
    rows = await service.list_corrections(
        session, principal, state=state, limit=limit, offset=offset
    )
    return [CorrectionRead.of(row) for row in rows]


@router.get("/corrections/{correction_id}", response_model=CorrectionRead)
async def get_correction(
    correction_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> CorrectionRead:
    return CorrectionRead.of(await service.get_correction(session, principal, correction_id))


@router.post("/corrections/{correction_id}/decision", response_model=CorrectionRead)
async def decide(
    correction_id: uuid.UUID,
    data: CorrectionDecision,
    principal: CurrentPrincipal,
    uow: Uow,
    session: Session,
    numbers: Numbers,
) -> CorrectionRead:
    await service.decide_correction(
        uow, principal, correction_id, data, numbers=numbers, today=china_today()
    )
    return CorrectionRead.of(await service.get_correction(session, principal, correction_id))
