"""Parent access: a captcha, signing in, and the one pupil the session reaches."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.deps import Session
from xueji_photo.access import ParentCaller
from xueji_photo.parents import captchas
from xueji_photo.parents.sign_in import ParentSignIn, sign_in
from xueji_photo.province_rules.store import current_rule
from xueji_photo.province_rules.views import RuleRead, rule_read
from xueji_photo.roster.cohorts import Cohort
from xueji_photo.roster.tables import roster_pupils as t
from xueji_photo.sessions.caller import CurrentCaller, address_of
from xueji_photo.sessions.views import SessionRead
from xueji_photo.uploads import queries
from xueji_photo.uploads.tables import upload_attempts as attempts
from xueji_photo.uploads.views import PhotoRead
from xueji_photo.windows.store import window_for
from xueji_photo.windows.views import WindowRead

router = APIRouter(prefix="/v1", tags=["parent access"])


class CaptchaRead(BaseModel):
    captcha_id: uuid.UUID
    image_png_base64: str
    expires_at: datetime


class ParentSignInBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    local_number: str = Field(min_length=1, max_length=40)
    name: str = Field(min_length=1, max_length=100)
    captcha_id: uuid.UUID
    captcha_answer: str = Field(min_length=1, max_length=16)


class ParentPupil(BaseModel):
    national_number: str
    name: str
    grade: int
    cohort: Cohort
    school_code: str
    school_name: str


class LastAttempt(BaseModel):
    outcome: str
    refusal_codes: list[str]
    attempted_at: datetime


class ParentView(BaseModel):
    pupil: ParentPupil
    rule: RuleRead
    window: WindowRead | None
    photo: PhotoRead | None
    last_attempt: LastAttempt | None


@router.get("/parent-captchas", response_model=CaptchaRead)
async def new_captcha(request: Request, response: Response, session: Session) -> CaptchaRead:
    """A new captcha picture; its answer never leaves the server and serves one sign-in."""
    ttl = timedelta(seconds=request.app.state.captcha_ttl_seconds)
    async with session.begin():
        captcha = await captchas.issue(session, ttl, datetime.now(UTC))
    response.headers["Cache-Control"] = "no-store"
    return CaptchaRead(
        captcha_id=captcha.id,
        image_png_base64=base64.b64encode(captcha.png).decode(),
        expires_at=captcha.expires_at,
    )


@router.post("/parent-sessions", response_model=SessionRead, status_code=201)
async def parent_sign_in(body: ParentSignInBody, request: Request) -> SessionRead:
    """学籍副号, the pupil's name and the captcha; the token reaches that one pupil."""
    state = request.app.state
    form = ParentSignIn(body.local_number, body.name, body.captcha_id, body.captcha_answer)
    opened = await sign_in(
        state.db, state.throttle, form, address_of(request), state.session_ttl, datetime.now(UTC)
    )
    return SessionRead(token=opened.token, expires_at=opened.expires_at)


async def _last_attempt(session: Session, pupil_id: str) -> LastAttempt | None:
    row = (
        (
            await session.execute(
                select(attempts.c.outcome, attempts.c.refusal_codes, attempts.c.attempted_at)
                .where(attempts.c.pupil_id == pupil_id)
                .order_by(attempts.c.attempted_at.desc())
                .limit(1)
            )
        )
        .mappings()
        .first()
    )
    return LastAttempt.model_validate(dict(row)) if row is not None else None


@router.get("/parent-session", response_model=ParentView)
async def parent_view(caller: CurrentCaller, request: Request, session: Session) -> ParentView:
    """The session's pupil: the province's rule, the window, the photo, the last verdict."""
    if not isinstance(caller, ParentCaller):
        raise DomainError(errors.FORBIDDEN)
    pupil = (
        (await session.execute(select(t).where(t.c.pupil_id == caller.pupil_id))).mappings().one()
    )
    school = await request.app.state.orgs.find(session, pupil["school_code"])
    window = await window_for(session, pupil["scope_path"], pupil["cohort"])
    photo = await queries.accepted_photo(session, caller.pupil_id)
    return ParentView(
        pupil=ParentPupil(**{k: pupil[k] for k in ParentPupil.model_fields if k in pupil},
                          school_name=school.name if school else ""),
        rule=rule_read(await current_rule(session, pupil["province_code"])),
        window=WindowRead.of(window) if window else None,
        photo=PhotoRead.model_validate(dict(photo)) if photo else None,
        last_attempt=await _last_attempt(session, caller.pupil_id),
    )  # fmt: skip
