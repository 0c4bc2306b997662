"""What makes an export application refusable at once (pure): 数据导出使用管理规则 第七至十条.

Each rule raises the one DomainError naming the first thing wrong; nothing has been stored
yet, so a refusal changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xueji_common.auth.principal import Principal, UnitKind
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgRecord
from xueji_export import catalogue, error_codes
from xueji_export.province_settings.model import ProvinceExportSettings


class ExportMethod(StrEnum):
    PAGE = "page"
    BACKEND = "backend"


# 第八条: backend exports are for the province and city bureaus, at the provincial data centre.
BACKEND_LEVELS = frozenset({UnitKind.PROVINCE, UnitKind.CITY})


@dataclass(frozen=True)
class FieldRequest:
    key: str
    reason: str


def check_fields(requested: Sequence[FieldRequest]) -> None:
    """Only catalogue fields, each once; every sensitive one with its own reason."""
    seen: set[str] = set()
    for item in requested:
        entry = catalogue.field(item.key)
        if entry is None:
            raise DomainError(
                error_codes.EXPORT_FIELD_NOT_IN_CATALOGUE, field="fields", detail=item.key
            )
        if item.key in seen:
            raise DomainError(error_codes.EXPORT_FIELD_REPEATED, field="fields", detail=entry.label)
        seen.add(item.key)
        if entry.sensitive and not item.reason.strip():
            raise DomainError(
                error_codes.EXPORT_SENSITIVE_REASON_MISSING, field="fields", detail=entry.label
            )


def check_scope(
    applicant: Principal, codes: Sequence[str], found: dict[str, OrgRecord | None]
) -> None:
    """Every unit of the scope exists and lies inside the applicant's unit (itself included)."""
    for code in codes:
        unit = found.get(code)
        if unit is None or not applicant.covers(unit.scope):
            raise DomainError(error_codes.EXPORT_SCOPE_OUTSIDE_UNIT, field="scope", detail=code)


def county_of(applicant: Principal) -> str | None:
    """The county a county bureau or school belongs to (its path: CN, province, city, county)."""
    if applicant.unit_kind in (UnitKind.COUNTY, UnitKind.SCHOOL):
        return applicant.unit_path[3]
    return None


def check_method(
    applicant: Principal,
    method: ExportMethod,
    settings: ProvinceExportSettings,
    consent_document: str | None,
) -> None:
    """Backend export only for province and city bureaus, with the written consent where the
    province requires it; county-level page export only in counties the province authorised."""
    if method is ExportMethod.BACKEND:
        if applicant.unit_kind not in BACKEND_LEVELS:
            raise DomainError(error_codes.EXPORT_METHOD_NOT_ALLOWED, field="method")
        if settings.backend_consent_required and not consent_document:
            raise DomainError(error_codes.EXPORT_CONSENT_REQUIRED, field="consent_document_id")
        return
    county = county_of(applicant)
    if county is not None and not settings.authorises_page_export(county):
        raise DomainError(
            error_codes.EXPORT_PAGE_EXPORT_NOT_AUTHORISED, field="method", detail=county
        )


def check_period(
    use_from: date, use_until: date, today: date, settings: ProvinceExportSettings
) -> None:
    if use_from < today:
        raise DomainError(error_codes.EXPORT_PERIOD_IN_PAST, field="use_from")
    if use_until < use_from:
        raise DomainError(error_codes.EXPORT_PERIOD_REVERSED, field="use_until")
    days = (use_until - use_from).days + 1
    if days > settings.max_use_days:
        raise DomainError(
            error_codes.EXPORT_PERIOD_TOO_LONG,
            field="use_until",
            detail=f"申请{days}天，本省最长{settings.max_use_days}天",
        )
