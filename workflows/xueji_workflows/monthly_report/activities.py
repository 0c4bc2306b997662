"""Activities the monthly report calls; the registry implements them.

`registry.report_counties` lists the county codes to report on. `registry.write_monthly_report`
writes one county's workbook to object storage, stores where it is and emits
report.generated; it is idempotent per (county, month, run id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LIST_COUNTIES = "registry.report_counties"
WRITE_COUNTY_REPORT = "registry.write_monthly_report"


@dataclass(frozen=True)
class CountyList:
    codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CountyReportRequest:
    county_code: str
    month: str
    run_id: str


@dataclass(frozen=True)
class CountyReportResult:
    county_code: str
    object_key: str
    pupil_count: int
