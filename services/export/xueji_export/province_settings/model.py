"""A province's export settings and their defaults (pure)."""

from __future__ import annotations

from dataclasses import dataclass

# Until a province decides otherwise: a quarter for the period of use, no county authorised
# for page export, and the written consent the national rules (第八条) demand.
DEFAULT_MAX_USE_DAYS = 90
LONGEST_MAX_USE_DAYS = 366


@dataclass(frozen=True)
class ProvinceExportSettings:
    province_code: str
    max_use_days: int = DEFAULT_MAX_USE_DAYS
    page_export_counties: frozenset[str] = frozenset()
    backend_consent_required: bool = True
    version: int = 0
    # Months the province's audit records are kept (audit.retention_policy: at least 6).
    audit_retention_months: int = 6

    def authorises_page_export(self, county_code: str) -> bool:
        return county_code in self.page_export_counties
