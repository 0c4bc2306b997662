"""The county's side of school access: a school's registration code and its teachers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_common.org_replica import OrgRecord
from xueji_photo import error_codes
from xueji_photo.access import may_manage_school_access, may_view
from xueji_photo.schools import registration, teachers

router = APIRouter(prefix="/v1", tags=["school access"])
SCHOOL = "/schools/{school_code}"


class IssuedCodeRead(BaseModel):
    school_code: str
    registration_code: str  # shown this once; only its hash is kept
    issued_at: datetime


class CodeStatusRead(BaseModel):
    school_code: str
    live: bool
    issued_at: datetime | None


class TeacherRead(BaseModel):
    id: uuid.UUID
    school_code: str
    real_name: str
    username: str
    registered_at: datetime
    disabled_at: datetime | None


async def _county_school(
    request: Request, session: Session, caller: CurrentPrincipal, school_code: str
) -> OrgRecord:
    """The school, if the caller is its county bureau; out of sight, it does not exist."""
    school = await request.app.state.orgs.find(session, school_code)
    if school is None or school.kind != "school" or not may_view(caller, school.scope):
        raise DomainError(errors.NOT_FOUND)
    if not may_manage_school_access(caller, school.scope):
        raise DomainError(errors.FORBIDDEN)
    return school


@router.post(SCHOOL + "/registration-code", response_model=IssuedCodeRead, status_code=201)
async def issue_code(
    school_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> IssuedCodeRead:
    """A new code for the school; the one it had stops registering anybody."""
    now = datetime.now(UTC)
    try:
        async with session.begin():
            await _county_school(request, session, principal, school_code)
            code = await registration.issue_code(session, principal, school_code, now)
    except IntegrityError:
        raise DomainError(errors.CONFLICT) from None  # issued at the same moment elsewhere
    return IssuedCodeRead(school_code=school_code, registration_code=code, issued_at=now)


@router.get(SCHOOL + "/registration-code", response_model=CodeStatusRead)
async def code_status(
    school_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> CodeStatusRead:
    """Whether the school has a live code, and since when (never the code)."""
    await _county_school(request, session, principal, school_code)
    live = await registration.live_code(session, school_code)
    return CodeStatusRead(
        school_code=school_code, live=live is not None, issued_at=live.issued_at if live else None
    )


@router.delete(SCHOOL + "/registration-code", status_code=204)
async def revoke_code(
    school_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> Response:
    async with session.begin():
        await _county_school(request, session, principal, school_code)
        revoked = await registration.revoke_code(session, principal, school_code, datetime.now(UTC))
    if not revoked:
        raise DomainError(error_codes.PHOTO_REGISTRATION_CODE_NOT_ISSUED)
    return Response(status_code=204)


@router.get(SCHOOL + "/teachers", response_model=list[TeacherRead])
async def school_teachers(
    school_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> list[TeacherRead]:
    await _county_school(request, session, principal, school_code)
    found = await teachers.school_teachers(session, school_code)
    return [TeacherRead.model_validate(teacher) for teacher in found]


@router.post(SCHOOL + "/teachers/{teacher_id}/disable", response_model=TeacherRead)
async def disable_teacher(
    school_code: str, teacher_id: uuid.UUID, request: Request, principal: CurrentPrincipal,
    session: Session,
) -> TeacherRead:  # fmt: skip
    """The teacher can no longer sign in, and their open sessions stop working."""
    async with session.begin():
        await _county_school(request, session, principal, school_code)
        teacher = await teachers.disable(
            session, principal, school_code, teacher_id, datetime.now(UTC)
        )
    if teacher is None:
        raise DomainError(error_codes.PHOTO_TEACHER_NOT_FOUND)
    return TeacherRead.model_validate(teacher)
