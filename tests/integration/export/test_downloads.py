"""Download links on the real stack: the handler's presigned link downloads the file; another
user, a day outside the period, a file not ready or deleted get their own codes; every issue
and refusal is on the audit chain."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import timedelta

import httpx
import pytest

from tests.integration.export.flows import application_body, apply, audit_of
from tests.integration.export.ready import city_handler, make_ready, set_period
from tests.integration.export.world import ExportStack
from xueji_common.storage import minio_client
from xueji_export.applications.filing import china_today
from xueji_export.bootstrap import BUCKET

pytestmark = pytest.mark.integration

ACTION = "file.download_link"


async def _application(stack: ExportStack, **changes: object) -> dict:
    city = stack.people.city()
    body = await application_body(stack, city, "export.it.city", ["640104"], **changes)
    response = await apply(stack, city, body)
    assert response.status_code == 201, response.text
    return response.json()


async def _link(stack: ExportStack, application_id: str, headers: dict[str, str]) -> httpx.Response:
    return await stack.export.post(
        f"/v1/export-applications/{application_id}/download-link", headers=headers
    )


async def _audited(stack: ExportStack, application_id: str) -> list[dict]:
    return [r for r in await audit_of(stack, "64", ACTION) if r["subject"] == application_id]


async def test_the_handlers_link_downloads_the_file_and_the_audit_names_its_watermark(
    stack: ExportStack,
) -> None:
    application = await _application(stack)
    generated = await make_ready(stack, application)
    response = await _link(stack, application["id"], city_handler(stack))
    assert response.status_code == 201, response.text
    link = response.json()
    assert link["generation_id"] and link["file_format"] == "xlsx"
    assert link["file_name"] == generated.file_name and link["size_bytes"] == generated.size_bytes
    async with httpx.AsyncClient() as browser:
        downloaded = await browser.get(link["url"])
    assert downloaded.status_code == 200
    assert hashlib.sha256(downloaded.content).hexdigest() == generated.sha256
    assert "filename*=UTF-8''" in downloaded.headers["content-disposition"]
    [issued] = await _audited(stack, application["id"])
    assert issued["outcome"] == "accepted" and issued["actor_name"] == "马经办"
    assert issued["details"]["watermark"] == generated.watermark
    assert issued["details"]["generation_id"] == link["generation_id"]
    assert issued["details"]["download_id"] == link["download_id"]
    assert issued["client_address"]


async def test_a_link_fails_for_another_user(stack: ExportStack) -> None:
    application = await _application(stack)
    await make_ready(stack, application)
    applicant = await _link(stack, application["id"], stack.people.city())
    assert applicant.status_code == 403
    assert applicant.json()["code"] == "EXPORT_DOWNLOAD_NOT_HANDLER"
    elsewhere = await _link(
        stack, application["id"], stack.people.county(("CN", "65", "6501", "650102"))
    )
    assert elsewhere.status_code == 404
    outcomes = [r["outcome"] for r in await _audited(stack, application["id"])]
    assert outcomes == ["refused:EXPORT_DOWNLOAD_NOT_HANDLER"]
    # The stranger's attempt is on their own province's chain: the application is not theirs.
    refused_elsewhere = [
        r for r in await audit_of(stack, "65", ACTION) if r["subject"] == application["id"]
    ]
    assert [r["outcome"] for r in refused_elsewhere] == ["refused:NOT_FOUND"]


async def test_a_link_fails_outside_the_period_of_use(stack: ExportStack) -> None:
    application = await _application(stack)
    await make_ready(stack, application)
    today = china_today()
    await set_period(
        stack, application["id"], today - timedelta(days=30), today - timedelta(days=1)
    )
    late = await _link(stack, application["id"], city_handler(stack))
    assert late.status_code == 403 and late.json()["code"] == "EXPORT_DOWNLOAD_OUTSIDE_PERIOD"
    await set_period(stack, application["id"], today + timedelta(days=1), today + timedelta(days=5))
    early = await _link(stack, application["id"], city_handler(stack))
    assert early.json()["code"] == "EXPORT_DOWNLOAD_OUTSIDE_PERIOD"
    outcomes = [r["outcome"] for r in await _audited(stack, application["id"])]
    assert outcomes == ["refused:EXPORT_DOWNLOAD_OUTSIDE_PERIOD"] * 2


async def test_a_link_fails_before_the_file_is_ready_and_after_its_deletion(
    stack: ExportStack,
) -> None:
    application = await _application(stack)
    waiting = await _link(stack, application["id"], city_handler(stack))
    assert waiting.status_code == 409 and waiting.json()["code"] == "EXPORT_FILE_NOT_READY"
    generated = await make_ready(stack, application)
    assert (await _link(stack, application["id"], city_handler(stack))).status_code == 201
    # The expiry removes the object from the bucket as this does.
    storage = minio_client(stack.settings)
    await asyncio.to_thread(storage.remove_object, BUCKET, generated.object_key)
    gone = await _link(stack, application["id"], city_handler(stack))
    assert gone.status_code == 410 and gone.json()["code"] == "EXPORT_FILE_DELETED"
    outcomes = [r["outcome"] for r in await _audited(stack, application["id"])]
    assert outcomes == [
        "refused:EXPORT_FILE_NOT_READY", "accepted", "refused:EXPORT_FILE_DELETED",
    ]  # fmt: skip


async def test_a_csv_application_downloads_a_csv_with_its_bom(stack: ExportStack) -> None:
    application = await _application(stack, file_format="csv")
    assert application["file_format"] == "csv"
    generated = await make_ready(stack, application, names=("王小明",))
    link = (await _link(stack, application["id"], city_handler(stack))).json()
    assert link["file_format"] == "csv" and link["file_name"].endswith(".csv")
    async with httpx.AsyncClient() as browser:
        downloaded = await browser.get(link["url"])
    assert downloaded.content.startswith("\ufeff".encode())
    text = downloaded.content.decode("utf-8-sig")
    assert application["number"] in text and generated.watermark in text and "王小明" in text
