"""Registration submissions over HTTP."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.body_limits import MIB, BodyLimit
from xueji_common.http.deps import Session, Uow
from xueji_registry.pupils.model import china_today
from xueji_registry.registration import queries, service
from xueji_registry.registration.schemas import Decision, SubmissionCreate, SubmissionRead

router = APIRouter(prefix="/v1/registration", tags=["registration"])
# A whole school's batch: 20,000 pupil ids (about 0.8 MB of JSON), and on return a reason for
# each of them (a few MB when every pupil gets a sentence).
BODY_LIMITS = (
    BodyLimit("/v1/registration/submissions", 2 * MIB),
    BodyLimit("/v1/registration/submissions/{submission_id}/decision", 16 * MIB),
)


@router.post("/submissions", response_model=SubmissionRead, status_code=201)
async def submit(
    data: SubmissionCreate, principal: CurrentPrincipal, uow: Uow, session: Session
) -> SubmissionRead:
    """上报: the school's validated pupils go to the county bureau for review."""
    submission_id = await service.submit(uow, principal, data, today=china_today())
    return await queries.get_submission(session, principal, submission_id)


@router.get("/submissions", response_model=list[SubmissionRead])
async def list_submissions(
    principal: CurrentPrincipal,
    session: Session,
    state: Literal["pending", "approved", "returned"] | None = None,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> list[SubmissionRead]:
    return await queries.list_submissions(
        session, principal, state=state, limit=limit, offset=offset
    )


@router.get("/submissions/{submission_id}", response_model=SubmissionRead)
async def get_submission(
    submission_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> SubmissionRead:
    return await queries.get_submission(session, principal, submission_id)


@router.post("/submissions/{submission_id}/decision", response_model=SubmissionRead)
async def decide(
    submission_id: uuid.UUID,
    data: Decision,
    principal: CurrentPrincipal,
    uow: Uow,
    session: Session,
) -> SubmissionRead:
    """The county bureau approves (已注册) or returns the batch with reasons."""
    await service.decide(uow, principal, submission_id, data)
    return await queries.get_submission(session, principal, submission_id)
