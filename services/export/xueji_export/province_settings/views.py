"""A province's export settings through the API; the province's officers change them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from xueji_common import errors
from xueji_common.auth.principal import Role
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_export import error_codes
from xueji_export.applications.views import client_address
from xueji_export.audit.request import refused_attempt
from xueji_export.audit.retention_policy import (
    LONGEST_RETENTION_MONTHS,
    MINIMUM_RETENTION_MONTHS,
    check_retention_months,
)
from xueji_export.audit.trail import AuditEvent
from xueji_export.province_settings import store
from xueji_export.province_settings.model import LONGEST_MAX_USE_DAYS, ProvinceExportSettings

router = APIRouter(prefix="/v1", tags=["export settings"])
ACTION = "settings.changed"


class SettingsBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_use_days: int = Field(ge=1, le=LONGEST_MAX_USE_DAYS, description="最长使用期限（天）")
    page_export_counties: list[str] = Field(default_factory=list, max_length=3000)
    backend_consent_required: bool = True
    # No lower bound here: below six months is refused with its own code, not a schema error.
    audit_retention_months: int = Field(
        default=MINIMUM_RETENTION_MONTHS, le=LONGEST_RETENTION_MONTHS,
        description="审计记录保存期限（月），不少于6个月",
    )  # fmt: skip


class SettingsRead(SettingsBody):
    province_code: str
    version: int


def _read(settings: ProvinceExportSettings) -> SettingsRead:
    return SettingsRead(
        province_code=settings.province_code,
        max_use_days=settings.max_use_days,
        page_export_counties=sorted(settings.page_export_counties),
        backend_consent_required=settings.backend_consent_required,
        audit_retention_months=settings.audit_retention_months,
        version=settings.version,
    )


@router.get("/provinces/{province_code}/export-settings", response_model=SettingsRead)
async def read_settings(
    province_code: str, principal: CurrentPrincipal, session: Session
) -> SettingsRead:
    if len(principal.unit_path) > 1 and principal.unit_path[1] != province_code:
        raise DomainError(errors.NOT_FOUND)
    return _read(await store.settings_of(session, province_code))


def _counties_of(province_code: str, codes: list[str]) -> frozenset[str]:
    for code in codes:
        if len(code) != 6 or not code.isdigit() or not code.startswith(province_code):
            raise DomainError(error_codes.EXPORT_SETTINGS_INVALID, field="page_export_counties",
                              detail=f"{code} 不是本省的县（区）代码")  # fmt: skip
    return frozenset(codes)


@router.put("/provinces/{province_code}/export-settings", response_model=SettingsRead)
async def change_settings(
    province_code: str, body: SettingsBody, request: Request, principal: CurrentPrincipal, uow: Uow
) -> SettingsRead:
    address = client_address(request)
    if principal.role is not Role.PROVINCE_OFFICER or principal.unit_code != province_code:
        refusal = DomainError(errors.FORBIDDEN)
        await refused_attempt(
            request.app.state.db, principal, address, ACTION, province_code, refusal
        )
        raise refusal
    try:
        retention = check_retention_months(body.audit_retention_months)
    except DomainError as refusal:
        await refused_attempt(
            request.app.state.db, principal, address, ACTION, province_code, refusal,
            province_code=province_code,
        )  # fmt: skip
        raise
    wanted = ProvinceExportSettings(
        province_code,
        body.max_use_days,
        _counties_of(province_code, body.page_export_counties),
        body.backend_consent_required,
        audit_retention_months=retention,
    )
    audit = AuditEvent(
        actor=principal,
        client_address=address,
        action=ACTION,
        subject=province_code,
        outcome="accepted",
        province_code=province_code,
    )
    changed = await store.change(uow.session, wanted, audit)
    await uow.commit()
    return _read(changed)
