"""A pupil's photo: upload, view (streamed from object storage), attempts, reopening."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_photo import error_codes
from xueji_photo.access import Caller, may_view
from xueji_photo.sessions.caller import CurrentCaller
from xueji_photo.uploads import queries, reopening
from xueji_photo.uploads.storage import JPEG
from xueji_photo.uploads.tables import upload_attempts

router = APIRouter(prefix="/v1", tags=["photos"])
ROUTE = "/pupils/{national_number}/photo"
PHOTO_PATH = "/v1" + ROUTE  # the upload route, for its body limit


class PhotoRead(BaseModel):
    id: uuid.UUID
    pupil_national_number: str = Field(validation_alias="national_number")
    school_code: str
    width_px: int
    height_px: int
    dpi: int
    size_bytes: int
    sha256: str
    rule_id: str
    rule_version: int
    cohort: str
    uploader: str
    accepted_at: datetime
    acceptance_sequence: int
    reopened_at: datetime | None = None
    reopen_reason: str | None = None


class AttemptRead(BaseModel):
    id: uuid.UUID
    account_id: str
    role: str
    attempted_at: datetime
    outcome: str
    refusal_codes: list[str]
    rule_id: str | None
    rule_version: int | None
    size_bytes: int


class ReopenBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(max_length=500)


async def _visible_photo(session: Session, caller: Caller, national_number: str) -> dict:
    pupil = await queries.pupil_by_number(session, national_number)
    if pupil is None or not may_view(caller, pupil.scope_path, pupil.pupil_id):
        raise DomainError(error_codes.PHOTO_PUPIL_NOT_FOUND)
    photo = await queries.accepted_photo(session, pupil.pupil_id)
    if photo is None:
        raise DomainError(error_codes.PHOTO_NOT_FOUND)
    return dict(photo)


@router.post(ROUTE, response_model=PhotoRead, status_code=201)
async def upload(
    national_number: str,
    request: Request,
    caller: CurrentCaller,
    file: Annotated[UploadFile | None, File(description="the photo, JPEG")] = None,
) -> PhotoRead:
    """Checks the photo against the province's rule; the first accepted one is final."""
    if file is None:
        raise DomainError(error_codes.PHOTO_FILE_MISSING, field="file")
    limit = request.app.state.photo_max_file_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise DomainError(error_codes.PHOTO_FILE_TOO_LARGE, field="file")
    photo = await request.app.state.uploads.upload(caller, national_number, data)
    return PhotoRead.model_validate(photo)


@router.get(ROUTE, response_model=PhotoRead)
async def read_photo(national_number: str, caller: CurrentCaller, session: Session) -> PhotoRead:
    return PhotoRead.model_validate(await _visible_photo(session, caller, national_number))


@router.get(ROUTE + "/attempts", response_model=list[AttemptRead])
async def attempts(
    national_number: str, caller: CurrentCaller, session: Session
) -> list[AttemptRead]:
    """Every upload attempt for the pupil, newest first: who, when, the verdict."""
    pupil = await queries.pupil_by_number(session, national_number)
    if pupil is None or not may_view(caller, pupil.scope_path, pupil.pupil_id):
        raise DomainError(error_codes.PHOTO_PUPIL_NOT_FOUND)
    rows = await session.execute(
        select(upload_attempts)
        .where(upload_attempts.c.pupil_id == pupil.pupil_id)
        .order_by(upload_attempts.c.attempted_at.desc())
    )
    return [AttemptRead.model_validate(dict(row)) for row in rows.mappings()]


@router.post(ROUTE + "/reopen", response_model=PhotoRead)
async def reopen(
    national_number: str, body: ReopenBody, request: Request, principal: CurrentPrincipal, uow: Uow
) -> PhotoRead:
    """The county bureau reopens the photo with a reason; one new upload may be accepted."""
    photo = await reopening.reopen(
        uow, request.app.state.orgs, principal, national_number, body.reason
    )
    return PhotoRead.model_validate(photo)


# The accepted JPEG as uploaded, and the small one for listings. Declared last: its path
# would also match /attempts.
OBJECT_KEYS = {"image": "object_key", "thumbnail": "thumbnail_key"}


@router.get(ROUTE + "/{variant}", response_class=StreamingResponse)
async def photo_file(
    national_number: str,
    variant: Literal["image", "thumbnail"],
    request: Request,
    caller: CurrentCaller,
    session: Session,
) -> StreamingResponse:
    """The photo (`image`) or its thumbnail, streamed from object storage."""
    photo = await _visible_photo(session, caller, national_number)
    chunks = await request.app.state.photo_store.stream(str(photo[OBJECT_KEYS[variant]]))
    return StreamingResponse(chunks, media_type=JPEG, headers={"Cache-Control": "private"})
