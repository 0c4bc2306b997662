"""Registry reports through the export service: fetched from the registry's public API with
the caller's token, stored in the exports bucket for the request, audited, and downloaded
through the requester's presigned link."""

from __future__ import annotations

import asyncio
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from minio.error import S3Error
from python_calamine import CalamineWorkbook
from sqlalchemy import select, update

from tests.integration.export.flows import audit_of
from tests.integration.export.world import ExportStack
from xueji_common.db import Database
from xueji_common.storage import minio_client
from xueji_common.uow import UnitOfWork
from xueji_export.bootstrap import BUCKET
from xueji_export.reports.expiry import remove_expired_reports
from xueji_export.reports.tables import report_requests
from xueji_registry.reports.monthly import write_county_report
from xueji_registry.reports.store import ReportStore
from xueji_registry.schema import SCHEMA as REGISTRY_SCHEMA
from xueji_registry.schema import outbox as registry_outbox

pytestmark = pytest.mark.integration

XQ_SCHOOL = "2164000101"
JF_SCHOOL = "2164000201"


async def _request(stack: ExportStack, headers: dict[str, str], **body: object) -> httpx.Response:
    return await stack.export.post("/v1/report-requests", json=body, headers=headers)


async def _download(stack: ExportStack, request_id: str, headers: dict[str, str]) -> httpx.Response:
    return await stack.export.post(
        f"/v1/report-requests/{request_id}/download-link", headers=headers
    )


def _sheets(data: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work, "report.xlsx")
        path.write_bytes(data)
        return CalamineWorkbook.from_path(str(path)).sheet_names


async def test_a_registrar_gets_the_schools_registry_report_through_a_link(
    stack: ExportStack,
) -> None:
    registrar = stack.people.registrar("xq")
    response = await _request(stack, registrar, kind="registry_report", unit=XQ_SCHOOL)
    assert response.status_code == 201, response.text
    requested = response.json()
    # The registry's own file name and layout, not a copy of them.
    assert requested["file_name"] == f"{XQ_SCHOOL}银川市兴庆区测试小学.xlsx"
    listed = await stack.export.get("/v1/report-requests", headers=registrar)
    assert requested["id"] in [r["id"] for r in listed.json()]
    link = await _download(stack, requested["id"], registrar)
    assert link.status_code == 201, link.text
    async with httpx.AsyncClient() as browser:
        downloaded = await browser.get(link.json()["url"])
    assert downloaded.status_code == 200 and _sheets(downloaded.content) == [
        "学籍总库",
        "信息更正表",
    ]
    [stored] = [r for r in await audit_of(stack, "64", "report.requested")
                if r["subject"] == requested["id"]]  # fmt: skip
    assert stored["details"]["object_key"].startswith(f"reports/{requested['id']}/")
    [issued] = [r for r in await audit_of(stack, "64", "report.download_link")
                if r["subject"] == requested["id"]]  # fmt: skip
    assert issued["outcome"] == "accepted" and issued["details"]["sha256"] == requested["sha256"]


async def test_a_report_is_refused_outside_the_callers_unit_and_to_anyone_else(
    stack: ExportStack,
) -> None:
    registrar = stack.people.registrar("xq")
    foreign = await _request(stack, registrar, kind="registry_report", unit=JF_SCHOOL)
    assert foreign.status_code == 404 and foreign.json()["code"] == "EXPORT_REPORT_UNAVAILABLE"
    county = await _request(stack, registrar, kind="no_national_number", unit=XQ_SCHOOL)
    assert county.status_code == 422 and county.json()["code"] == "EXPORT_REPORT_UNIT_KIND"
    requested = (await _request(stack, registrar, kind="registry_report", unit=XQ_SCHOOL)).json()
    other = await _download(stack, requested["id"], stack.people.county())
    assert other.status_code == 403 and other.json()["code"] == "EXPORT_DOWNLOAD_NOT_REQUESTER"
    refused = [r["outcome"] for r in await audit_of(stack, "64", "report.requested")]
    assert {"refused:EXPORT_REPORT_UNAVAILABLE", "refused:EXPORT_REPORT_UNIT_KIND"} <= set(refused)


async def test_the_monthly_no_national_number_report_once_the_registry_generated_it(
    stack: ExportStack,
) -> None:
    county = stack.people.county()
    missing = await _request(
        stack, county, kind="no_national_number", unit="640104", month="2026-01"
    )
    assert missing.status_code == 404 and missing.json()["code"] == "EXPORT_REPORT_NOT_GENERATED"
    registry_db = Database(stack.settings.asyncpg_url, REGISTRY_SCHEMA)
    try:
        async with UnitOfWork(registry_db, registry_outbox) as uow:
            await write_county_report(
                uow, ReportStore(minio_client(stack.settings)), county_code="640104",
                month="2026-11", run_id=str(uuid.uuid4()),
            )  # fmt: skip
    finally:
        await registry_db.dispose()
    response = await _request(stack, county, kind="no_national_number", unit="640104")
    assert response.status_code == 201, response.text
    requested = response.json()
    assert requested["month"] == "2026-11"
    assert requested["file_name"] == "640104银川市兴庆区教育局2026-11未获正式学籍号学生月报.xlsx"
    link = (await _download(stack, requested["id"], county)).json()
    async with httpx.AsyncClient() as browser:
        downloaded = await browser.get(link["url"])
    assert downloaded.status_code == 200 and len(downloaded.content) == requested["size_bytes"]


async def test_a_report_past_its_availability_is_removed_from_the_bucket(
    stack: ExportStack,
) -> None:
    registrar = stack.people.registrar("xq")
    requested = (await _request(stack, registrar, kind="registry_report", unit=XQ_SCHOOL)).json()
    async with stack.db.sessions() as session, session.begin():
        await session.execute(
            update(report_requests)
            .where(report_requests.c.id == requested["id"])
            .values(available_until=datetime.now(UTC) - timedelta(minutes=1))
        )
        key = await session.scalar(
            select(report_requests.c.object_key).where(report_requests.c.id == requested["id"])
        )
    storage = minio_client(stack.settings)
    assert await remove_expired_reports(stack.db, storage, BUCKET) >= 1
    with pytest.raises(S3Error) as gone:
        await asyncio.to_thread(storage.stat_object, BUCKET, key)
    assert gone.value.code == "NoSuchKey"
    late = await _download(stack, requested["id"], registrar)
    assert late.status_code == 403 and late.json()["code"] == "EXPORT_DOWNLOAD_OUTSIDE_PERIOD"
    removed = [r for r in await audit_of(stack, "64", "report.removed")
               if r["subject"] == requested["id"]]  # fmt: skip
    assert len(removed) == 1
