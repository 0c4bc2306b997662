"""`POST /v1/export-applications/{id}/download-link`: the handler's link to the file.

POST, not GET: each call issues a fresh credential and appends an audit record, so it is
neither safe nor idempotent, and a prefetching browser or proxy must not trigger it.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Uow
from xueji_export import error_codes
from xueji_export.applications.filing import china_today
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications
from xueji_export.downloads.rules import ApplicationDownload, FileOnRecord, application_refusal
from xueji_export.downloads.serving import DownloadLinkRead, refuse, serve_link
from xueji_export.files.tables import export_files

router = APIRouter(prefix="/v1", tags=["export downloads"])
ACTION = "file.download_link"


class FileDownloadLinkRead(DownloadLinkRead):
    application_id: str
    generation_id: str
    file_format: str


def _reachable(principal: Principal) -> Any:
    """The applicant's unit and those above see the application; the handler always does."""
    return or_(
        export_applications.c.applicant_scope.startswith(principal.scope),
        export_applications.c.handler_account_id == principal.account_id,
    )


async def newest_file(session: AsyncSession, application_id: str) -> FileOnRecord | None:
    row = (
        await session.execute(
            select(export_files)
            .where(export_files.c.application_id == application_id)
            .order_by(export_files.c.generated_at.desc())
            .limit(1)
        )
    ).first()
    if row is None:
        return None
    return FileOnRecord(
        generation_id=row.generation_id,
        object_key=row.object_key,
        file_name=row.file_name,
        watermark=row.watermark,
        file_format=row.file_format,
        deleted=row.deleted_at is not None,
    )


@router.post(
    "/export-applications/{application_id}/download-link",
    response_model=FileDownloadLinkRead,
    status_code=201,
)
async def download_link(
    application_id: uuid.UUID, request: Request, principal: CurrentPrincipal, uow: Uow
) -> FileDownloadLinkRead:
    subject = str(application_id)
    application = (
        await uow.session.execute(
            select(export_applications).where(
                export_applications.c.id == subject, _reachable(principal)
            )
        )
    ).first()
    if application is None:
        raise await refuse(request, principal, action=ACTION, subject=subject,
                           province_code=None, code=errors.NOT_FOUND)  # fmt: skip
    file = await newest_file(uow.session, subject)
    download = ApplicationDownload(
        state=ApplicationState(application.state),
        handler_account_id=application.handler_account_id,
        use_from=application.use_from,
        use_until=application.use_until,
        file=file,
    )
    refusal = application_refusal(download, principal.account_id, china_today())
    if refusal is not None or file is None:
        raise await refuse(request, principal, action=ACTION, subject=subject,
                           province_code=application.province_code,
                           code=refusal or error_codes.EXPORT_FILE_NOT_READY)  # fmt: skip
    served = {
        "number": application.number,
        "generation_id": file.generation_id,
        "watermark": file.watermark,
        "file_format": file.file_format,
    }
    link = await serve_link(
        request, principal, uow,
        action=ACTION, subject=subject, province_code=application.province_code,
        object_key=file.object_key, file_name=file.file_name, served=served,
    )  # fmt: skip
    return FileDownloadLinkRead(
        **link.model_dump(),
        application_id=subject,
        generation_id=file.generation_id,
        file_format=file.file_format,
    )
