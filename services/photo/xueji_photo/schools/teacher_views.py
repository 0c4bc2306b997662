"""A teacher registers with the school's code, then signs in."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from xueji_common.http.deps import Session
from xueji_photo.schools import sign_in, teachers
from xueji_photo.schools.code_views import TeacherRead
from xueji_photo.sessions.caller import address_of
from xueji_photo.sessions.views import SessionRead

router = APIRouter(prefix="/v1", tags=["school access"])


class RegistrationBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    registration_code: str = Field(min_length=1, max_length=40)
    real_name: str = Field(min_length=1, max_length=100)
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


class TeacherSignInBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


@router.post("/teacher-registrations", response_model=TeacherRead, status_code=201)
async def register(body: RegistrationBody, session: Session) -> TeacherRead:
    """A teacher account of the code's school (a revoked code registers nobody)."""
    form = teachers.TeacherRegistration(
        body.registration_code, body.real_name, body.username, body.password
    )
    async with session.begin():
        teacher = await teachers.register(session, form, datetime.now(UTC))
    return TeacherRead.model_validate(teacher)


@router.post("/teacher-sessions", response_model=SessionRead, status_code=201)
async def teacher_sign_in(body: TeacherSignInBody, request: Request) -> SessionRead:
    """A session as a class teacher of the school: its roster and uploads."""
    state = request.app.state
    opened = await sign_in.sign_in(
        state.db, state.throttle, body.username, body.password, address_of(request),
        state.session_ttl, datetime.now(UTC),
    )  # fmt: skip
    return SessionRead(token=opened.token, expires_at=opened.expires_at)
