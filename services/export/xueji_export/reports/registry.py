"""The registry's own report files, fetched from its public API with the caller's token.

The registry builds and formats the reports (the export service never forks their layout)
and decides who may read them: the school's registrar, its reviewer and the bureaus above
for a school's full registry, the bureaus above a county for its monthly report. A report
is one school's or one county's file, small enough to pass through in one piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

import httpx

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_export import error_codes

_FILENAME_STAR = re.compile(r"filename\*=UTF-8''([^;]+)", re.IGNORECASE)


@dataclass(frozen=True)
class FetchedReport:
    file_name: str
    data: bytes
    # YYYY-MM of a monthly report.
    month: str | None = None


def file_name_of(content_disposition: str, fallback: str) -> str:
    """The registry's file name (RFC 5987 `filename*`), or `fallback` without one."""
    found = _FILENAME_STAR.search(content_disposition)
    name = unquote(found.group(1)).strip() if found else ""
    return name.replace("/", "_") or fallback


class RegistryReports:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def school_report(self, school_code: str, authorization: str) -> FetchedReport:
        """The full-registry report with its correction sheet (学籍总库, 信息更正表)."""
        response = await self._get(f"/v1/schools/{school_code}/registry-report.xlsx",
                                   authorization)  # fmt: skip
        disposition = response.headers.get("content-disposition", "")
        return FetchedReport(file_name_of(disposition, f"{school_code}.xlsx"), response.content)

    async def monthly_report(
        self, county_code: str, month: str | None, authorization: str
    ) -> FetchedReport:
        """The county's monthly no-national-number report of `month`, or its newest one."""
        params = {"county": county_code, **({"month": month} if month else {})}
        listed = (await self._get("/v1/reports/monthly", authorization, params)).json()
        if not listed:
            raise DomainError(error_codes.EXPORT_REPORT_NOT_GENERATED, field="month")
        newest = max(listed, key=lambda report: report["month"])
        response = await self._get(newest["download_url"], authorization)
        return FetchedReport(newest["file_name"], response.content, newest["month"])

    async def _get(
        self, path: str, authorization: str, params: dict[str, str] | None = None
    ) -> httpx.Response:
        try:
            response = await self._http.get(
                path, params=params, headers={"Authorization": authorization}
            )
        except httpx.HTTPError as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="学籍服务") from error
        if response.status_code >= 500 or response.status_code == 401:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="学籍服务")
        if response.status_code != 200:
            raise DomainError(error_codes.EXPORT_REPORT_UNAVAILABLE, field="unit")
        return response
