"""Security plans and written consents, uploaded before the application that cites them.

The size limit holds before anything is parsed (the request body limit, then one bounded
read); the type is what the first bytes say, never the declared one.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from pydantic import BaseModel
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.errors import DomainError
from xueji_common.evidence_files import MAX_EVIDENCE_BYTES, safe_filename, sniff
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.body_limits import upload_limit
from xueji_common.http.deps import Session
from xueji_common.storage import ObjectStore
from xueji_export import error_codes
from xueji_export.applications.tables import export_documents

router = APIRouter(prefix="/v1", tags=["export documents"])
BODY_LIMIT = upload_limit("/v1/export-documents", MAX_EVIDENCE_BYTES)


class DocumentKind(StrEnum):
    SECURITY_PLAN = "security_plan"
    CONSENT = "consent"


class DocumentRead(BaseModel):
    id: str
    kind: DocumentKind
    filename: str
    content_type: str
    size_bytes: int
    sha256: str


@router.post("/export-documents", response_model=DocumentRead, status_code=201)
async def upload(
    request: Request,
    principal: CurrentPrincipal,
    session: Session,
    kind: Annotated[DocumentKind, Form()],
    file: Annotated[UploadFile | None, File(description="PDF, JPEG or PNG, at most 10 MB")] = None,
) -> DocumentRead:
    if file is None:
        raise DomainError(error_codes.EXPORT_DOCUMENT_MISSING, field="file")
    data = await file.read(MAX_EVIDENCE_BYTES + 1)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise DomainError(error_codes.EXPORT_DOCUMENT_TOO_LARGE, field="file")
    if not data:
        raise DomainError(error_codes.EXPORT_DOCUMENT_MISSING, field="file")
    sniffed = sniff(data[:16])
    if sniffed is None:
        raise DomainError(error_codes.EXPORT_DOCUMENT_TYPE, field="file")
    document_id = str(uuid.uuid4())
    key = f"documents/{principal.unit_code}/{document_id}.{sniffed.extension}"
    store: ObjectStore = request.app.state.document_store
    await store.put(key, data, sniffed.content_type)
    row = {
        "id": document_id,
        "kind": kind.value,
        "unit_code": principal.unit_code,
        "filename": safe_filename(file.filename, sniffed),
        "content_type": sniffed.content_type,
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "object_key": key,
        "uploaded_by": principal.account_id,
        "created_at": datetime.now(UTC),
    }
    async with session.begin():
        await session.execute(insert(export_documents).values(row))
    return DocumentRead(**{k: row[k] for k in DocumentRead.model_fields})


async def owned_document(
    session: AsyncSession, document_id: str | None, kind: DocumentKind, unit_code: str
) -> bool:
    """True when the unit uploaded that document as that kind."""
    if not document_id:
        return False
    try:
        uuid.UUID(document_id)
    except ValueError:
        return False
    found = await session.scalar(
        select(export_documents.c.id).where(
            export_documents.c.id == document_id,
            export_documents.c.kind == kind.value,
            export_documents.c.unit_code == unit_code,
        )
    )
    return found is not None
