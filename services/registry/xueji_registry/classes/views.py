"""Classes and class assignment over HTTP."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.classes import assignment, service
from xueji_registry.classes.schemas import Assignment, ClassCreate, ClassRead, ClassUpdate
from xueji_registry.pupils.schemas import PupilRead

router = APIRouter(prefix="/v1", tags=["classes"])


@router.post("/classes", response_model=ClassRead, status_code=201)
async def create_class(data: ClassCreate, principal: CurrentPrincipal, uow: Uow) -> ClassRead:
    return ClassRead.of(await service.create_class(uow, principal, data))


@router.get("/schools/{school_code}/classes", response_model=list[ClassRead])
async def list_classes(
    school_code: str, principal: CurrentPrincipal, session: Session
) -> list[ClassRead]:
    return [ClassRead.of(c) for c in await service.list_classes(session, principal, school_code)]


@router.get("/classes/{class_id}", response_model=ClassRead)
async def get_class(
    class_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> ClassRead:
    return ClassRead.of(await service.class_for(session, principal, class_id))


@router.patch("/classes/{class_id}", response_model=ClassRead)
async def update_class(
    class_id: uuid.UUID, data: ClassUpdate, principal: CurrentPrincipal, uow: Uow
) -> ClassRead:
    return ClassRead.of(await service.update_class(uow, principal, class_id, data))


@router.post("/classes/{class_id}/pupils", response_model=list[PupilRead])
async def assign(
    class_id: uuid.UUID, data: Assignment, principal: CurrentPrincipal, uow: Uow
) -> list[PupilRead]:
    """分班: every listed pupil goes into the class, or none does."""
    states = await assignment.assign_pupils(uow, principal, class_id, data.pupil_ids)
    return [PupilRead.of(s) for s in states]
