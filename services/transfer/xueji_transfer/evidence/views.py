"""Evidence for transfer applications: the receiving school uploads, parties read.

A document belongs to the school that uploaded it; it may be read by whoever sees that
school (its bureaus, the operator) and by the parties of a transfer that cites it.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, File, Request, Response, UploadFile
from pydantic import BaseModel
from sqlalchemy import any_, insert, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.evidence_files import MAX_EVIDENCE_BYTES, safe_filename, sniff
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.body_limits import upload_limit
from xueji_common.http.deps import Session
from xueji_transfer import error_codes
from xueji_transfer.evidence.tables import evidence_documents
from xueji_transfer.transfers.scope import SEE_ALL, visible
from xueji_transfer.transfers.tables import transfers

router = APIRouter(prefix="/v1", tags=["evidence"])
BODY_LIMIT = upload_limit("/v1/evidence", MAX_EVIDENCE_BYTES)
UPLOADERS = frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER})


class EvidenceRead(BaseModel):
    id: uuid.UUID
    school_code: str
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    created_at: datetime


async def _readable(session: AsyncSession, principal: Principal, document_id: uuid.UUID) -> dict:
    row = (
        (
            await session.execute(
                select(evidence_documents).where(evidence_documents.c.id == document_id)
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise DomainError(errors.NOT_FOUND)
    if principal.role in SEE_ALL or principal.covers(row["scope_path"]):
        return dict(row)
    cited = await session.scalar(
        select(transfers.c.id)
        .where(literal(str(document_id)) == any_(transfers.c.evidence_ids), visible(principal))
        .limit(1)
    )
    if cited is None:
        raise DomainError(errors.NOT_FOUND)
    return dict(row)


@router.post("/evidence", response_model=EvidenceRead, status_code=201)
async def upload(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    file: Annotated[UploadFile, File(description="PDF, JPEG or PNG, at most 10 MB")],
) -> EvidenceRead:
    if principal.role not in UPLOADERS:
        raise DomainError(errors.FORBIDDEN)
    data = await file.read(MAX_EVIDENCE_BYTES + 1)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise DomainError(errors.EVIDENCE_TOO_LARGE, field="file")
    kind = sniff(data[:16])
    if kind is None:
        raise DomainError(error_codes.EVIDENCE_TYPE_NOT_ALLOWED, field="file")
    document_id = uuid.uuid4()
    key = f"{principal.unit_code}/{document_id}.{kind.extension}"
    await request.app.state.evidence_store.put(key, data, kind.content_type)
    values = {
        "id": document_id,
        "school_code": principal.unit_code,
        "scope_path": principal.scope,
        "uploaded_by": principal.account_id,
        "uploaded_by_name": principal.name,
        "filename": safe_filename(file.filename, kind),
        "content_type": kind.content_type,
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "object_key": key,
    }
    async with session.begin():
        row = (
            (
                await session.execute(
                    insert(evidence_documents).values(values).returning(evidence_documents)
                )
            )
            .mappings()
            .one()
        )
    return EvidenceRead(**row)


@router.get("/evidence/{document_id}", response_model=EvidenceRead)
async def metadata(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> EvidenceRead:
    return EvidenceRead(**await _readable(session, principal, document_id))


@router.get("/evidence/{document_id}/content", response_class=Response)
async def content(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: Session, request: Request
) -> Response:
    row = await _readable(session, principal, document_id)
    data = await request.app.state.evidence_store.get(row["object_key"])
    return Response(
        data,
        media_type=row["content_type"],
        headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "attachment"},
    )
