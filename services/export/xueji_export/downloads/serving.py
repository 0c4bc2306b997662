"""Serving a link: refuse with the rule's code or issue one, and audit either way.

Every issue and every refusal is an audit record in the subject's province chain: who,
when, from which address, the outcome, and for an issued link what it served (the download
id, the object, and for an export file the generation and its watermark), so a leaked copy's
watermark leads through the audit to the download it came from.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from fastapi import Request
from pydantic import BaseModel

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError, ErrorCode
from xueji_common.uow import UnitOfWork
from xueji_export.applications.views import client_address
from xueji_export.audit.request import refused_attempt
from xueji_export.audit.trail import AuditEvent, record
from xueji_export.downloads.links import LinkIssuer


class DownloadLinkRead(BaseModel):
    download_id: str
    # The presigned GET URL; it works without a token until expires_at.
    url: str
    expires_at: datetime
    file_name: str
    size_bytes: int


async def refuse(
    request: Request,
    principal: Principal,
    *,
    action: str,
    subject: str,
    province_code: str | None,
    code: ErrorCode,
) -> DomainError:
    """The refusal, audited in a transaction of its own (the request's changes nothing)."""
    refusal = DomainError(code)
    await refused_attempt(
        request.app.state.db,
        principal,
        client_address(request),
        action,
        subject,
        refusal,
        province_code=province_code,
    )
    return refusal


async def serve_link(
    request: Request,
    principal: Principal,
    uow: UnitOfWork,
    *,
    action: str,
    subject: str,
    province_code: str,
    object_key: str,
    file_name: str,
    served: Mapping[str, Any],
) -> DownloadLinkRead:
    """A link to `object_key`, or EXPORT_FILE_DELETED (audited) when the object is gone.

    The link is only handed out once its audit record has committed."""
    issuer: LinkIssuer = request.app.state.download_links
    try:
        link = await issuer.issue(object_key, file_name)
    except DomainError as refusal:
        await refused_attempt(
            request.app.state.db, principal, client_address(request), action, subject,
            refusal, province_code=province_code,
        )  # fmt: skip
        raise
    download_id = str(uuid.uuid4())
    details = {
        **served,
        "download_id": download_id,
        "object_key": object_key,
        "expires_at": link.expires_at.isoformat(),
    }
    event = AuditEvent(
        actor=principal,
        client_address=client_address(request),
        action=action,
        subject=subject,
        outcome="accepted",
        details=details,
        province_code=province_code,
    )
    await record(uow.session, event)
    await uow.commit()
    return DownloadLinkRead(
        download_id=download_id,
        url=link.url,
        expires_at=link.expires_at,
        file_name=file_name,
        size_bytes=link.size_bytes,
    )
