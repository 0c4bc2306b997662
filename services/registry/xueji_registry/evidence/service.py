"""Uploading evidence (sniffed, size-limited) and reading it back inside the caller's scope."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.evidence_files import MAX_EVIDENCE_BYTES, safe_filename, sniff
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.evidence.schemas import EvidenceRead
from xueji_registry.evidence.store import EvidenceStore
from xueji_registry.evidence.tables import evidence_documents
from xueji_registry.pupils.reading.access import pupil_for_read

UPLOADERS = (
    Role.SCHOOL_REGISTRAR,
    Role.SCHOOL_REVIEWER,
    Role.COUNTY_OFFICER,
    Role.CITY_OFFICER,
    Role.PROVINCE_OFFICER,
)


async def upload(
    uow: UnitOfWork,
    actor: Principal,
    store: EvidenceStore,
    *,
    data: bytes,
    filename: str | None,
    purpose: str,
    pupil_id: uuid.UUID | None,
) -> EvidenceRead:
    """Store the bytes, then the metadata; the object key never reuses a client name."""
    if actor.role not in UPLOADERS:
        raise DomainError(errors.FORBIDDEN)
    if len(data) > MAX_EVIDENCE_BYTES:
        raise DomainError(errors.EVIDENCE_TOO_LARGE, field="file")
    if not data:
        raise DomainError(error_codes.EVIDENCE_EMPTY, field="file")
    kind = sniff(data[:16])
    if kind is None:
        raise DomainError(error_codes.EVIDENCE_TYPE_UNSUPPORTED, field="file")
    scope = actor.scope
    if pupil_id is not None:
        scope = (await pupil_for_read(uow.session, actor, pupil_id)).scope_path
    document_id = uuid.uuid4()
    key = f"evidence/{document_id}.{kind.extension}"
    await store.put(key, data, kind.content_type)
    row = (
        await uow.session.execute(
            insert(evidence_documents)
            .values(
                id=document_id,
                pupil_id=pupil_id,
                unit_code=actor.unit_code,
                scope_path=scope,
                purpose=purpose,
                bucket=store.bucket,
                object_key=key,
                filename=safe_filename(filename, kind),
                content_type=kind.content_type,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                uploaded_by=actor.account_id,
                uploaded_by_name=actor.name,
            )
            .returning(evidence_documents)
        )
    ).one()
    await uow.commit()
    return EvidenceRead.of(row)


async def _visible(session: AsyncSession, actor: Principal, document_id: uuid.UUID) -> object:
    row = (
        await session.execute(
            select(evidence_documents).where(evidence_documents.c.id == document_id)
        )
    ).first()
    if row is None or not actor.covers(row.scope_path):
        raise DomainError(errors.EVIDENCE_NOT_FOUND, detail=str(document_id))
    return row


async def get_document(
    session: AsyncSession, actor: Principal, document_id: uuid.UUID
) -> EvidenceRead:
    return EvidenceRead.of(await _visible(session, actor, document_id))


async def content(
    session: AsyncSession, actor: Principal, store: EvidenceStore, document_id: uuid.UUID
) -> tuple[bytes, EvidenceRead]:
    row = await _visible(session, actor, document_id)
    return await store.get(row.object_key), EvidenceRead.of(row)


async def documents_for(
    session: AsyncSession,
    actor: Principal,
    document_ids: Sequence[uuid.UUID],
    *,
    pupil_id: uuid.UUID,
) -> list[EvidenceRead]:
    """Evidence the caller may cite for this pupil: visible, and about this pupil."""
    found = []
    for document_id in dict.fromkeys(document_ids):
        document = EvidenceRead.of(await _visible(session, actor, document_id))
        if document.pupil_id != pupil_id:
            raise DomainError(
                error_codes.EVIDENCE_PUPIL_MISMATCH,
                field="evidence_document_ids",
                detail=str(document_id),
            )
        found.append(document)
    return found
