"""Organisation units and schools over HTTP."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, Query

from xueji_common.auth.principal import UnitKind
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.orgs import service
from xueji_registry.orgs.schemas import SchoolCreate, SchoolRead, UnitCreate, UnitRead, UnitUpdate

router = APIRouter(prefix="/v1", tags=["organisation"])


@router.get("/org-units", response_model=list[UnitRead])
async def list_units(
    principal: CurrentPrincipal,
    session: Session,
    parent_code: str | None = None,
    kind: UnitKind | None = None,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> Sequence[UnitRead]:
    return await service.list_units(
        session, principal, parent_code=parent_code, kind=kind, limit=limit, offset=offset
    )


@router.get("/org-units/{code}", response_model=UnitRead)
async def get_unit(code: str, principal: CurrentPrincipal, session: Session) -> UnitRead:
    unit = await service.visible_unit(session, principal, code)
    version = await service.unit_version(session, code)
    return UnitRead.of(unit, version=version)


@router.post("/org-units", response_model=UnitRead, status_code=201)
async def create_unit(data: UnitCreate, principal: CurrentPrincipal, uow: Uow) -> UnitRead:
    return await service.create_unit(uow, principal, data)


@router.patch("/org-units/{code}", response_model=UnitRead)
async def update_unit(
    code: str, data: UnitUpdate, principal: CurrentPrincipal, uow: Uow
) -> UnitRead:
    return await service.update_unit(uow, principal, code, data)


@router.post("/schools", response_model=SchoolRead, status_code=201)
async def create_school(data: SchoolCreate, principal: CurrentPrincipal, uow: Uow) -> SchoolRead:
    return await service.create_school(uow, principal, data)


@router.get("/schools/{code}", response_model=SchoolRead)
async def get_school(code: str, principal: CurrentPrincipal, session: Session) -> SchoolRead:
    await service.visible_unit(session, principal, code)
    return await service.get_school(session, code, await service.unit_version(session, code))
