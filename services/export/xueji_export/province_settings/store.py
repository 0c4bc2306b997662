"""Reading and changing a province's export settings; every change is audited with it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_export.audit.trail import AuditEvent, record
from xueji_export.province_settings.model import ProvinceExportSettings
from xueji_export.province_settings.tables import province_export_settings as table


async def settings_of(
    session: AsyncSession, province_code: str, *, lock: bool = False
) -> ProvinceExportSettings:
    statement = select(table).where(table.c.province_code == province_code)
    if lock:
        statement = statement.with_for_update()
    row = (await session.execute(statement)).first()
    if row is None:
        return ProvinceExportSettings(province_code)
    return ProvinceExportSettings(
        province_code=row.province_code,
        max_use_days=row.max_use_days,
        page_export_counties=frozenset(row.page_export_counties),
        backend_consent_required=row.backend_consent_required,
        version=row.version,
        audit_retention_months=row.audit_retention_months,
    )


async def change(
    session: AsyncSession, wanted: ProvinceExportSettings, audit: AuditEvent
) -> ProvinceExportSettings:
    """Stores `wanted` as the next version and records the change with before and after."""
    before = await settings_of(session, wanted.province_code, lock=True)
    values = {
        "max_use_days": wanted.max_use_days,
        "page_export_counties": sorted(wanted.page_export_counties),
        "backend_consent_required": wanted.backend_consent_required,
        "audit_retention_months": wanted.audit_retention_months,
        "version": before.version + 1,
        "updated_at": datetime.now(UTC),
        "updated_by": audit.actor.account_id,
    }
    await session.execute(
        insert(table)
        .values(province_code=wanted.province_code, **values)
        .on_conflict_do_update(index_elements=[table.c.province_code], set_=values)
    )
    after = ProvinceExportSettings(
        wanted.province_code,
        wanted.max_use_days,
        wanted.page_export_counties,
        wanted.backend_consent_required,
        before.version + 1,
        wanted.audit_retention_months,
    )
    changes = {"before": _plain(before), "after": _plain(after)}
    await record(session, AuditEvent(**{**audit.__dict__, "details": changes}))
    return after


def _plain(settings: ProvinceExportSettings) -> dict[str, object]:
    return {
        "max_use_days": settings.max_use_days,
        "page_export_counties": sorted(settings.page_export_counties),
        "backend_consent_required": settings.backend_consent_required,
        "audit_retention_months": settings.audit_retention_months,
        "version": settings.version,
    }
