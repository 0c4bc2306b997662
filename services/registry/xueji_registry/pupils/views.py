"""Pupils over HTTP: entry, search, changes, problem handling and field history."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.pupils import problems, service
from xueji_registry.pupils.deps import Numbers
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.reading import bureau_lists
from xueji_registry.pupils.reading.access import pupil_for_read
from xueji_registry.pupils.reading.search import PupilFilters, search_pupils
from xueji_registry.pupils.resolution_schemas import JNumberIssue, ProofAccept
from xueji_registry.pupils.schemas import (
    FieldHistoryRead,
    PupilCreate,
    PupilPage,
    PupilRead,
    PupilUpdate,
)
from xueji_registry.pupils.views_lists import ConflictRead, SuspectGroupRead
from xueji_registry.pupils.writing.history import field_history_of

router = APIRouter(prefix="/v1", tags=["pupils"])


@router.post("/pupils", response_model=PupilRead, status_code=201)
async def create_pupil(
    data: PupilCreate, principal: CurrentPrincipal, uow: Uow, numbers: Numbers
) -> PupilRead:
    state = await service.create_pupil(uow, principal, data, numbers=numbers, today=china_today())
    return PupilRead.of(state)


@router.get("/pupils", response_model=PupilPage)
async def search(
    principal: CurrentPrincipal,
    session: Session,
    school_code: str | None = None,
    name: str | None = Query(None, max_length=60),
    number: str | None = Query(None, max_length=40, description="national, local or ID number"),
    class_id: uuid.UUID | None = None,
    grade: int | None = None,
    status: str | None = None,
    reason: str | None = Query(None, description="a problem reason code"),
    registration_state: str | None = None,
    problem: bool | None = None,
    include_deleted: bool = False,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> PupilPage:
    filters = PupilFilters(
        school_code=school_code,
        name=name,
        number=number,
        class_id=class_id,
        grade=grade,
        status=status,
        reason=reason,
        registration_state=registration_state,
        problem=problem,
        include_deleted=include_deleted,
    )
    found = await search_pupils(session, principal, filters, limit=limit, offset=offset)
    return PupilPage(
        items=[PupilRead.of(s) for s in found.states],
        total=found.count.total,
        total_exact=found.count.exact,
        limit=limit,
        offset=offset,
    )


@router.get("/pupils/suspected-duplicates", response_model=list[SuspectGroupRead])
async def suspected_duplicates(
    principal: CurrentPrincipal,
    session: Session,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[SuspectGroupRead]:
    groups = await bureau_lists.suspected_duplicates(session, principal, limit=limit, offset=offset)
    return [SuspectGroupRead.of(g) for g in groups]


@router.get("/pupils/id-conflicts", response_model=list[ConflictRead])
async def id_conflicts(
    principal: CurrentPrincipal,
    session: Session,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[ConflictRead]:
    found = await bureau_lists.id_conflicts(session, principal, limit=limit, offset=offset)
    return [ConflictRead.of(state, holder) for state, holder in found]


@router.get("/pupils/{pupil_id}", response_model=PupilRead)
async def get_pupil(
    pupil_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> PupilRead:
    return PupilRead.of(await pupil_for_read(session, principal, pupil_id))


@router.patch("/pupils/{pupil_id}", response_model=PupilRead)
async def update_pupil(
    pupil_id: uuid.UUID, data: PupilUpdate, principal: CurrentPrincipal, uow: Uow, numbers: Numbers
) -> PupilRead:
    state = await service.update_pupil(
        uow, principal, pupil_id, data, numbers=numbers, today=china_today()
    )
    return PupilRead.of(state)


@router.delete("/pupils/{pupil_id}", response_model=PupilRead)
async def delete_pupil(pupil_id: uuid.UUID, principal: CurrentPrincipal, uow: Uow) -> PupilRead:
    """Soft delete of a problem record; it stays visible to the school and the county."""
    return PupilRead.of(await service.delete_pupil(uow, principal, pupil_id))


@router.get("/pupils/{pupil_id}/history", response_model=list[FieldHistoryRead])
async def history(
    pupil_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> list[FieldHistoryRead]:
    await pupil_for_read(session, principal, pupil_id)
    entries = await field_history_of(session, pupil_id)
    return [FieldHistoryRead(**entry.__dict__) for entry in entries]


@router.post("/pupils/{pupil_id}/proof", response_model=PupilRead)
async def accept_proof(
    pupil_id: uuid.UUID, data: ProofAccept, principal: CurrentPrincipal, uow: Uow, numbers: Numbers
) -> PupilRead:
    state = await problems.accept_proof(
        uow, principal, pupil_id, data, numbers=numbers, today=china_today()
    )
    return PupilRead.of(state)


@router.post("/pupils/{pupil_id}/j-number", response_model=PupilRead)
async def issue_j_number(
    pupil_id: uuid.UUID, data: JNumberIssue, principal: CurrentPrincipal, uow: Uow, numbers: Numbers
) -> PupilRead:
    state = await problems.issue_j_number(
        uow, principal, pupil_id, data, numbers=numbers, today=china_today()
    )
    return PupilRead.of(state)
