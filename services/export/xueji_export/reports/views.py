"""Report requests over HTTP: request one, list one's own, and the download link."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_export.applications.views import client_address
from xueji_export.audit.request import refused_attempt
from xueji_export.downloads.rules import ReportDownload, report_refusal
from xueji_export.downloads.serving import DownloadLinkRead, refuse, serve_link
from xueji_export.reports import requests
from xueji_export.reports.kinds import ReportKind
from xueji_export.reports.tables import report_requests

router = APIRouter(prefix="/v1", tags=["report requests"])
LINK_ACTION = "report.download_link"


class ReportRequestCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: ReportKind
    unit: str = Field(pattern=r"^(\d{6}|\d{10})$", description="学校代码或县（区）代码")
    month: str | None = Field(
        default=None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="月报月份，缺省为最新"
    )


class ReportRequestRead(BaseModel):
    id: str
    kind: ReportKind
    unit: str
    month: str | None
    file_name: str
    size_bytes: int
    sha256: str
    requested_at: datetime
    available_until: datetime


def _read(row: Mapping[str, Any]) -> ReportRequestRead:
    return ReportRequestRead(
        id=str(row["id"]), kind=row["kind"], unit=row["unit_code"], month=row["month"],
        file_name=row["file_name"], size_bytes=row["size_bytes"], sha256=row["sha256"],
        requested_at=row["requested_at"], available_until=row["available_until"],
    )  # fmt: skip


@router.post("/report-requests", response_model=ReportRequestRead, status_code=201)
async def request_report(
    body: ReportRequestCreate, request: Request, principal: CurrentPrincipal, uow: Uow
) -> ReportRequestRead:
    address = client_address(request)
    try:
        province = await requests.report_province(uow, principal, body.kind, body.unit)
        report = await requests.fetch(
            request.app.state.registry_reports, body.kind, body.unit, body.month,
            request.headers.get("authorization", ""),
        )  # fmt: skip
    except DomainError as refusal:
        await refused_attempt(
            request.app.state.db, principal, address, requests.ACTION, body.unit, refusal
        )
        raise
    row = await requests.store_request(
        uow, request.app.state.document_store, principal,
        kind=body.kind, unit_code=body.unit, province_code=province, report=report,
        available_for=request.app.state.report_available_for, client_address=address,
    )  # fmt: skip
    return _read(row)


@router.get("/report-requests", response_model=list[ReportRequestRead])
async def my_report_requests(
    principal: CurrentPrincipal, session: Session
) -> list[ReportRequestRead]:
    """The caller's own requests, newest first."""
    rows = await session.execute(
        select(report_requests)
        .where(report_requests.c.requester_account_id == principal.account_id)
        .order_by(report_requests.c.requested_at.desc())
        .limit(200)
    )
    return [_read(row) for row in rows.mappings()]


@router.post(
    "/report-requests/{request_id}/download-link",
    response_model=DownloadLinkRead,
    status_code=201,
)
async def report_download_link(
    request_id: uuid.UUID, request: Request, principal: CurrentPrincipal, uow: Uow
) -> DownloadLinkRead:
    subject = str(request_id)
    row = (
        await uow.session.execute(
            select(report_requests).where(
                report_requests.c.id == subject,
                report_requests.c.requester_scope.startswith(principal.scope)
                | (report_requests.c.requester_account_id == principal.account_id),
            )
        )
    ).first()
    if row is None:
        raise await refuse(request, principal, action=LINK_ACTION, subject=subject,
                           province_code=None, code=errors.NOT_FOUND)  # fmt: skip
    download = ReportDownload(row.requester_account_id, row.available_until)
    refusal = report_refusal(download, principal.account_id, datetime.now(UTC))
    if refusal is not None:
        raise await refuse(request, principal, action=LINK_ACTION, subject=subject,
                           province_code=row.province_code, code=refusal)  # fmt: skip
    return await serve_link(
        request, principal, uow,
        action=LINK_ACTION, subject=subject, province_code=row.province_code,
        object_key=row.object_key, file_name=row.file_name,
        served={"kind": row.kind, "unit_code": row.unit_code, "sha256": row.sha256},
    )  # fmt: skip
