"""Requesting a registry report through the export service: fetch, store, audit.

No approval, unlike a data export: these are the unit's own reports, in the layout the
national rules prescribe, for the registrar or bureau that already reads them in the
registry (which still decides, with the caller's own token, who may). What this service
adds is what an export needs around them: a copy under a key named for the request, kept
for a short while, an audit record of the request and of every download, and the same
presigned, requester-only download link as export files.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_common.storage import ObjectStore
from xueji_common.uow import UnitOfWork
from xueji_export import error_codes
from xueji_export.audit.trail import AuditEvent, chain_of, record
from xueji_export.files.formats import FileFormat
from xueji_export.reports.kinds import ReportKind
from xueji_export.reports.registry import FetchedReport, RegistryReports
from xueji_export.reports.tables import report_requests
from xueji_export.schema import org_units

ACTION = "report.requested"


async def report_province(
    uow: UnitOfWork, principal: Principal, kind: ReportKind, unit_code: str
) -> str:
    """The unit's province chain; refuses a unit outside the caller's or of the wrong kind."""
    unit = await org_units.find(uow.session, unit_code)
    if unit is None or not principal.covers(unit.scope):
        raise DomainError(error_codes.EXPORT_REPORT_UNAVAILABLE, field="unit")
    if unit.kind != kind.unit_kind:
        raise DomainError(error_codes.EXPORT_REPORT_UNIT_KIND, field="unit")
    return chain_of(unit.path)


async def fetch(
    registry: RegistryReports,
    kind: ReportKind,
    unit_code: str,
    month: str | None,
    authorization: str,
) -> FetchedReport:
    if kind is ReportKind.REGISTRY_REPORT:
        return await registry.school_report(unit_code, authorization)
    return await registry.monthly_report(unit_code, month, authorization)


async def store_request(
    uow: UnitOfWork,
    store: ObjectStore,
    principal: Principal,
    *,
    kind: ReportKind,
    unit_code: str,
    province_code: str,
    report: FetchedReport,
    available_for: timedelta,
    client_address: str,
) -> dict[str, object]:
    """Put the file under its request's key, then its row and audit record in one commit."""
    request_id = str(uuid.uuid4())
    key = f"reports/{request_id}/{report.file_name}"
    await store.put(key, report.data, FileFormat.XLSX.content_type)
    now = datetime.now(UTC)
    row: dict[str, object] = {
        "id": request_id,
        "kind": kind.value,
        "unit_code": unit_code,
        "month": report.month,
        "requester_account_id": principal.account_id,
        "requester_scope": principal.scope,
        "province_code": province_code,
        "object_key": key,
        "file_name": report.file_name,
        "size_bytes": len(report.data),
        "sha256": hashlib.sha256(report.data).hexdigest(),
        "requested_at": now,
        "available_until": now + available_for,
    }
    await uow.session.execute(insert(report_requests).values(row))
    details = {k: row[k] for k in ("kind", "unit_code", "month", "object_key", "sha256")}
    await record(
        uow.session,
        AuditEvent(
            actor=principal, client_address=client_address, action=ACTION, subject=request_id,
            outcome="accepted", details=details, province_code=province_code,
        ),
    )  # fmt: skip
    await uow.commit()
    return row
