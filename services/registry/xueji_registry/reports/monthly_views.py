"""Monthly reports over HTTP: the counties' reports a bureau may see, and their files."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import select

from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_registry.error_codes import REPORT_NOT_FOUND
from xueji_registry.pupils.reading.access import BUREAUS
from xueji_registry.reports.downloads import xlsx_response
from xueji_registry.reports.store import ReportStore
from xueji_registry.reports.tables import monthly_reports

router = APIRouter(prefix="/v1/reports", tags=["reports"])


def _store(request: Request) -> ReportStore:
    return request.app.state.report_store


Store = Annotated[ReportStore, Depends(_store)]


class MonthlyReportRead(BaseModel):
    id: uuid.UUID
    county_code: str
    city_code: str
    month: str
    file_name: str
    pupil_count: int
    temporary_number_count: int
    j_number_count: int
    generated_at: datetime
    download_url: str


def _read(row: object) -> MonthlyReportRead:
    fields = {n: getattr(row, n) for n in MonthlyReportRead.model_fields if n != "download_url"}
    return MonthlyReportRead(**fields, download_url=f"/v1/reports/monthly/{row.id}/file")  # type: ignore[attr-defined]


@router.get("/monthly", response_model=list[MonthlyReportRead])
async def list_monthly(
    principal: CurrentPrincipal,
    session: Session,
    county: str | None = Query(None, pattern=r"^\d{6}$"),
    month: str | None = Query(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[MonthlyReportRead]:
    """Reports of the counties inside the caller's unit (county, city, province, nation)."""
    if principal.role not in BUREAUS:
        return []
    query = select(monthly_reports).where(monthly_reports.c.scope_path.startswith(principal.scope))
    if county:
        query = query.where(monthly_reports.c.county_code == county)
    if month:
        query = query.where(monthly_reports.c.month == month)
    query = query.order_by(monthly_reports.c.month.desc(), monthly_reports.c.county_code)
    rows = (await session.execute(query.limit(limit).offset(offset))).all()
    return [_read(row) for row in rows]


@router.get("/monthly/{report_id}/file")
async def download_monthly(
    report_id: uuid.UUID, principal: CurrentPrincipal, session: Session, store: Store
) -> Response:
    row = (
        await session.execute(select(monthly_reports).where(monthly_reports.c.id == report_id))
    ).first()
    if row is None or principal.role not in BUREAUS or not principal.covers(row.scope_path):
        raise DomainError(REPORT_NOT_FOUND)
    data = await store.get(row.object_key)
    return xlsx_response(data, row.file_name, f"{row.county_code}-{row.month}.xlsx")
