"""Filing an export application: every rule first, then one transaction that stores it in
`submitted`, publishes export.applied and appends the audit record."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.org_pb2 import OrgRef
from xueji.export.v1 import export_events_pb2 as events
from xueji.export.v1 import export_pb2 as contract
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.events.actors import actor_of
from xueji_common.events.outgoing import OutgoingEvent
from xueji_common.uow import UnitOfWork
from xueji_export import catalogue, error_codes
from xueji_export.applications import rules
from xueji_export.applications.documents import DocumentKind, owned_document
from xueji_export.applications.schemas import ApplicationCreate
from xueji_export.applications.staff import StaffDirectory, StaffMember
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications
from xueji_export.audit.trail import AuditEvent, chain_of, record
from xueji_export.files.formats import FileFormat
from xueji_export.province_settings.store import settings_of
from xueji_export.schema import org_units

CHINA = ZoneInfo("Asia/Shanghai")
APPLICANTS = frozenset(
    {Role.SCHOOL_REGISTRAR, Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER}
)
_FORMATS = {
    FileFormat.XLSX: contract.EXPORT_FILE_FORMAT_XLSX,
    FileFormat.CSV: contract.EXPORT_FILE_FORMAT_CSV,
}
_METHODS = {
    rules.ExportMethod.PAGE: contract.EXPORT_METHOD_PAGE,
    rules.ExportMethod.BACKEND: contract.EXPORT_METHOD_BACKEND,
}


def china_today() -> date:
    return datetime.now(CHINA).date()


async def check(
    session: AsyncSession,
    staff: StaffDirectory,
    applicant: Principal,
    data: ApplicationCreate,
    authorization: str,
) -> StaffMember:
    """Raises the first refusal; the handler as the registry knows them otherwise."""
    if applicant.role not in APPLICANTS:
        raise DomainError(errors.FORBIDDEN)
    rules.check_fields([rules.FieldRequest(f.field, f.reason) for f in data.fields])
    found = {code: await org_units.find(session, code) for code in data.scope}
    rules.check_scope(applicant, data.scope, found)
    settings = await settings_of(session, chain_of(applicant.unit_path))
    rules.check_method(applicant, data.method, settings, data.consent_document_id)
    rules.check_period(data.use_from, data.use_until, china_today(), settings)
    unit = applicant.unit_code
    if not await owned_document(
        session, data.security_plan_document_id, DocumentKind.SECURITY_PLAN, unit
    ):
        raise DomainError(error_codes.EXPORT_DOCUMENT_NOT_FOUND, field="security_plan_document_id")
    if data.consent_document_id and not await owned_document(
        session, data.consent_document_id, DocumentKind.CONSENT, unit
    ):
        raise DomainError(error_codes.EXPORT_DOCUMENT_NOT_FOUND, field="consent_document_id")
    handler = await staff.member(unit, data.handler_account_id, authorization)
    if handler is None:
        raise DomainError(error_codes.EXPORT_HANDLER_NOT_STAFF, field="handler_account_id")
    return handler


async def file_application(
    uow: UnitOfWork,
    applicant: Principal,
    data: ApplicationCreate,
    handler: StaffMember,
    client_address: str,
) -> dict[str, object]:
    now = datetime.now(UTC)
    application_id = str(uuid.uuid4())
    province = chain_of(applicant.unit_path)
    number = f"DC{province}{now:%Y%m%d}{application_id[:6].upper()}"
    ordered = catalogue.in_catalogue_order([f.field for f in data.fields])
    reasons = {f.field: f.reason.strip() for f in data.fields}
    fields = [{"field": key, "reason": reasons[key]} for key in ordered]
    row = {
        "id": application_id,
        "number": number,
        "state": ApplicationState.SUBMITTED.value,
        "applicant_account_id": applicant.account_id,
        "applicant_name": applicant.name,
        "applicant_role": applicant.role.value,
        "applicant_unit": applicant.unit_code,
        "applicant_scope": applicant.scope,
        "province_code": province,
        "purpose": data.purpose,
        "scope_units": list(dict.fromkeys(data.scope)),
        "method": data.method.value,
        "fields": fields,
        "use_from": data.use_from,
        "use_until": data.use_until,
        "security_officer": data.security_officer,
        "handler_account_id": handler.account_id,
        "handler_name": handler.name,
        "security_plan_document_id": data.security_plan_document_id,
        "consent_document_id": data.consent_document_id,
        "file_format": data.file_format.value,
        "created_at": now,
        "updated_at": now,
    }
    await uow.session.execute(insert(export_applications).values(row))
    uow.publish(OutgoingEvent("export.applied", application_id, _applied(row, applicant)))
    await record(
        uow.session,
        AuditEvent(
            actor=applicant,
            client_address=client_address,
            action="application.submitted",
            subject=application_id,
            outcome="accepted",
            details={"number": number, "fields": ordered, "scope": row["scope_units"]},
        ),
    )
    await uow.commit()
    return row


def _applied(row: dict[str, object], applicant: Principal) -> events.ExportApplied:
    application = contract.ExportApplication(
        application_id=str(row["id"]),
        applicant_unit=OrgRef(code=applicant.unit_code, path=list(applicant.unit_path[:-1])),
        purpose=str(row["purpose"]),
        scope=[OrgRef(code=code) for code in row["scope_units"]],  # type: ignore[attr-defined]
        method=_METHODS[rules.ExportMethod(row["method"])],
        fields=[
            contract.RequestedField(
                field=f["field"],
                sensitive=f["field"] in catalogue.SENSITIVE_KEYS,
                reason=f["reason"],
            )
            for f in row["fields"]  # type: ignore[attr-defined]
        ],
        use_from=str(row["use_from"]),
        use_until=str(row["use_until"]),
        security_officer=str(row["security_officer"]),
        handler=str(row["handler_name"]),
        consent_document_id=str(row["consent_document_id"] or ""),
        handler_account_id=str(row["handler_account_id"]),
        security_plan_document_id=str(row["security_plan_document_id"]),
        application_number=str(row["number"]),
        file_format=_FORMATS[FileFormat(str(row["file_format"]))],
    )
    return events.ExportApplied(application=application, actor=actor_of(applicant))
