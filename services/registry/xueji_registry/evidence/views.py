"""Evidence documents over HTTP: multipart upload, metadata and content."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, Response, UploadFile

from xueji_common.evidence_files import MAX_EVIDENCE_BYTES
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.body_limits import upload_limit
from xueji_common.http.deps import Session, Uow
from xueji_registry.evidence import service
from xueji_registry.evidence.schemas import EvidenceRead, Purpose
from xueji_registry.evidence.store import EvidenceStore

router = APIRouter(prefix="/v1", tags=["evidence"])
BODY_LIMIT = upload_limit("/v1/evidence", MAX_EVIDENCE_BYTES)


def _store(request: Request) -> EvidenceStore:
    return request.app.state.evidence_store


@router.post("/evidence", response_model=EvidenceRead, status_code=201)
async def upload(
    request: Request,
    principal: CurrentPrincipal,
    uow: Uow,
    file: Annotated[UploadFile, File(description="PDF, JPEG or PNG, at most 10 MB")],
    purpose: Annotated[Purpose, Form()] = "other",
    pupil_id: Annotated[uuid.UUID | None, Form()] = None,
) -> EvidenceRead:
    # One byte more than allowed is enough to know the file is too large.
    data = await file.read(MAX_EVIDENCE_BYTES + 1)
    return await service.upload(
        uow,
        principal,
        _store(request),
        data=data,
        filename=file.filename,
        purpose=purpose,
        pupil_id=pupil_id,
    )


@router.get("/evidence/{document_id}", response_model=EvidenceRead)
async def get_document(
    document_id: uuid.UUID, principal: CurrentPrincipal, session: Session
) -> EvidenceRead:
    return await service.get_document(session, principal, document_id)


@router.get("/evidence/{document_id}/content", response_class=Response)
async def get_content(
    document_id: uuid.UUID, request: Request, principal: CurrentPrincipal, session: Session
) -> Response:
    data, document = await service.content(session, principal, _store(request), document_id)
    return Response(
        data,
        media_type=document.content_type,
        headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "attachment"},
    )
