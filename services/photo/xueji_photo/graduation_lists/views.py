"""Graduation-certificate photo lists of a unit: produce one, list them, download one."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_photo import error_codes
from xueji_photo.cards.authority import unit_rows, visible_row
from xueji_photo.cards.downloads import zip_download
from xueji_photo.graduation_lists.tables import graduation_lists

router = APIRouter(prefix="/v1", tags=["graduation lists"])


class ListBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str = Field(description="primary | junior | senior: its graduating grade")


class ListRead(BaseModel):
    id: uuid.UUID
    unit_code: str
    stage: str
    with_photo: int
    missing_photo: int
    produced_by: str
    produced_at: datetime


@router.post("/units/{unit_code}/graduation-lists", response_model=ListRead, status_code=201)
async def produce_list(
    unit_code: str, body: ListBody, request: Request, principal: CurrentPrincipal
) -> ListRead:
    """The unit's graduating pupils of the stage with their photos; those without one are on
    the second sheet."""
    production = request.app.state.graduation_lists
    return ListRead.model_validate(await production.produce(principal, unit_code, body.stage))


@router.get("/units/{unit_code}/graduation-lists", response_model=list[ListRead])
async def list_lists(
    unit_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> list[ListRead]:
    """The unit's lists, newest first; a school's staff see their own school's."""
    rows = await unit_rows(
        session, request.app.state.orgs, principal, unit_code, graduation_lists.c.produced_at
    )
    return [ListRead.model_validate(row) for row in rows]


@router.get("/graduation-lists/{list_id}/file", response_class=StreamingResponse)
async def download_list(
    list_id: uuid.UUID, request: Request, principal: CurrentPrincipal, session: Session
) -> StreamingResponse:
    """The zip: 毕业证书照片名单.xlsx and the photos."""
    row = await visible_row(
        session, graduation_lists, list_id, principal, error_codes.PHOTO_GRADUATION_LIST_NOT_FOUND
    )
    name = f"graduation-list-{row['unit_code']}-{row['stage']}-{list_id}.zip"
    return await zip_download(request, row["object_key"], name)
