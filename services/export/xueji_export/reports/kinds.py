"""The registry reports the export service hands out, and the unit each is of (pure)."""

from __future__ import annotations

from enum import StrEnum


class ReportKind(StrEnum):
    # 学籍总库 with 信息更正表, of one school (SPEC §3).
    REGISTRY_REPORT = "registry_report"
    # 未获正式学籍号学生月报, of one county.
    NO_NATIONAL_NUMBER = "no_national_number"

    @property
    def unit_kind(self) -> str:
        return "school" if self is ReportKind.REGISTRY_REPORT else "county"
