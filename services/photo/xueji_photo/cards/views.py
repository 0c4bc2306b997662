"""Card batches of a unit: produce the next one, list them, read one, download its manifest."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_photo import error_codes
from xueji_photo.cards.authority import unit_rows, visible_row
from xueji_photo.cards.downloads import zip_download
from xueji_photo.cards.tables import card_batch_members, card_batches

router = APIRouter(prefix="/v1", tags=["card batches"])


class BatchBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # Unset: the service's limit (XUEJI_PHOTO_CARD_BATCH_MAX_SIZE).
    size: int | None = Field(default=None, description="每批最多人数")


class MemberRead(BaseModel):
    position: int
    national_number: str
    acceptance_sequence: int
    reprint: bool


class BatchRead(BaseModel):
    id: uuid.UUID
    unit_code: str
    batch_number: int
    size: int
    first_sequence: int
    last_sequence: int
    produced_by: str
    produced_at: datetime


class BatchWithMembers(BatchRead):
    members: list[MemberRead]


@router.post("/units/{unit_code}/card-batches", response_model=BatchWithMembers, status_code=201)
async def produce_batch(
    unit_code: str, request: Request, principal: CurrentPrincipal, body: BatchBody | None = None
) -> BatchWithMembers:
    """The next grade-1 photos of the unit not yet carded, in acceptance order."""
    size = body.size if body is not None else None
    batch = await request.app.state.card_production.produce(principal, unit_code, size)
    return BatchWithMembers.model_validate(batch)


@router.get("/units/{unit_code}/card-batches", response_model=list[BatchRead])
async def list_batches(
    unit_code: str, request: Request, principal: CurrentPrincipal, session: Session
) -> list[BatchRead]:
    """The unit's batches, newest first."""
    rows = await unit_rows(
        session, request.app.state.orgs, principal, unit_code, card_batches.c.batch_number
    )
    return [BatchRead.model_validate(row) for row in rows]


@router.get("/card-batches/{batch_id}", response_model=BatchWithMembers)
async def read_batch(
    batch_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> BatchWithMembers:
    batch = await visible_row(
        session, card_batches, batch_id, principal, error_codes.PHOTO_CARD_BATCH_NOT_FOUND
    )
    members = await session.execute(
        select(card_batch_members)
        .where(card_batch_members.c.batch_id == batch_id)
        .order_by(card_batch_members.c.position)
    )
    return BatchWithMembers.model_validate(
        {**batch, "members": [dict(m) for m in members.mappings()]}
    )


@router.get("/card-batches/{batch_id}/manifest", response_class=StreamingResponse)
async def download_manifest(
    batch_id: uuid.UUID, request: Request, principal: CurrentPrincipal, session: Session
) -> StreamingResponse:
    """The zip: 电子学生证制作清单.xlsx and the photos, as produced."""
    batch = await visible_row(
        session, card_batches, batch_id, principal, error_codes.PHOTO_CARD_BATCH_NOT_FOUND
    )
    name = f"card-batch-{batch['unit_code']}-{batch['batch_number']}.zip"
    return await zip_download(request, batch["object_key"], name)
