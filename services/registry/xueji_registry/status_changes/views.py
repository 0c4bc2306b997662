"""Status changes over HTTP: filing, lists, detail with timeline, decisions, cohort batches."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.pupils.model import china_today
from xueji_registry.status_changes import filing, graduation
from xueji_registry.status_changes.batch_decisions import batch_read, decide_batch
from xueji_registry.status_changes.cases import case_row, list_cases, read_of
from xueji_registry.status_changes.deciding import decide, new_decision_id
from xueji_registry.status_changes.deps import Launcher, Temporal
from xueji_registry.status_changes.schemas import (
    BatchDecisionCreate,
    BatchDecisionRead,
    BatchRead,
    DecisionCreate,
    DecisionRead,
    GraduationBatchCreate,
    StatusChangeCreate,
    StatusChangeDetail,
    StatusChangePage,
    StatusChangeRead,
)
from xueji_registry.status_changes.timeline import recorded_events, workflow_steps

router = APIRouter(prefix="/v1/status-changes", tags=["status changes"])


@router.post("", response_model=StatusChangeRead, status_code=201)
async def file_change(
    data: StatusChangeCreate,
    principal: CurrentPrincipal,
    uow: Uow,
    session: Session,
    launcher: Launcher,
) -> StatusChangeRead:
    case_id = await filing.file_change(uow, principal, data, launcher=launcher, today=china_today())
    return read_of(await case_row(session, principal, case_id))


@router.get("", response_model=StatusChangePage)
async def list_changes(
    principal: CurrentPrincipal,
    session: Session,
    state: str | None = Query(None, max_length=12),
    change_type: str | None = Query(None, max_length=20),
    school_code: str | None = Query(None, pattern=r"^\d{10}$"),
    pupil_id: uuid.UUID | None = None,
    batch_id: uuid.UUID | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> StatusChangePage:
    given = {
        "state": state,
        "change_type": change_type,
        "school_code": school_code,
        "pupil_id": pupil_id,
        "batch_id": batch_id,
    }
    filters = {name: value for name, value in given.items() if value is not None}
    count, rows = await list_cases(session, principal, filters=filters, limit=limit, offset=offset)
    items = [read_of(row) for row in rows]
    return StatusChangePage(total=count.total, total_exact=count.exact, items=items)


@router.post("/graduation-batch", response_model=BatchRead, status_code=201)
async def file_graduation_batch(
    data: GraduationBatchCreate,
    principal: CurrentPrincipal,
    uow: Uow,
    session: Session,
    launcher: Launcher,
) -> BatchRead:
    batch_id = await graduation.file_batch(
        uow, principal, data, launcher=launcher, today=china_today()
    )
    return await batch_read(session, await graduation.batch_row(session, principal, batch_id))


@router.get("/graduation-batch/{batch_id}", response_model=BatchRead)
async def get_batch(
    batch_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> BatchRead:
    return await batch_read(session, await graduation.batch_row(session, principal, batch_id))


@router.post("/graduation-batch/{batch_id}/decision", response_model=BatchDecisionRead)
async def decide_graduation_batch(
    batch_id: uuid.UUID,
    data: BatchDecisionCreate,
    principal: CurrentPrincipal,
    session: Session,
    temporal: Temporal,
) -> BatchDecisionRead:
    batch = await graduation.batch_row(session, principal, batch_id)
    decision_id = data.decision_id or new_decision_id()
    return await decide_batch(session, temporal, principal, batch, data, decision_id=decision_id)


@router.get("/{case_id}", response_model=StatusChangeDetail)
async def get_change(
    case_id: uuid.UUID, principal: CurrentPrincipal, session: Session, temporal: Temporal
) -> StatusChangeDetail:
    row = await case_row(session, principal, case_id)
    return StatusChangeDetail(
        **read_of(row).model_dump(),
        timeline=await workflow_steps(temporal, row),
        events=await recorded_events(session, str(row.id)),
    )


@router.post("/{case_id}/decision", response_model=DecisionRead)
async def decide_change(
    case_id: uuid.UUID,
    data: DecisionCreate,
    principal: CurrentPrincipal,
    session: Session,
    temporal: Temporal,
) -> DecisionRead:
    row = await case_row(session, principal, case_id)
    return await decide(
        temporal, principal, row, data, decision_id=data.decision_id or new_decision_id()
    )
