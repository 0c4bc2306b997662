"""The export approval in the browser: a school registrar in a county the province authorised
files a page export naming themself as handler; the county officer finds it in the inbox,
is refused for refusing without a reason (the message by the reason), approves; the worker
generates the file while the page shows its progress; another user's download is refused on
the page; the handler downloads through the page a file carrying exactly the approved
fields' labels. Its own module: it changes Shanghai's settings on its own platform."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.test_console_export_pages import (
    _china_day,
    _fill_application,
    plan,
)
from tests.integration.console.test_console_pages import api_token
from tests.integration.console.transfer_steps import signed_in_as
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration
__all__ = ["plan"]  # the fixture, used by name

SCHOOL = "3431000202"  # 上海市南洋模范中学, in 徐汇区 (310104)
REGISTRAR = f"{SCHOOL}.registrar"
COUNTY = "xuhui.county"
# Generation of a few demo pupils' rows; the page refreshes itself meanwhile.
GENERATION_WAIT_MS = 120_000


def _authorise_county_page_export(platform: Platform, county: str) -> None:
    """The province's setting, through its API (audited like any change)."""
    token = api_token(platform, "sh.province")["access_token"]
    url = f"{platform.urls()['export']}/v1/provinces/31/export-settings"
    headers = {"Authorization": f"Bearer {token}"}
    current = httpx.get(url, headers=headers).raise_for_status().json()
    body = {
        "max_use_days": current["max_use_days"],
        "page_export_counties": sorted({*current["page_export_counties"], county}),
        "backend_consent_required": current["backend_consent_required"],
        "audit_retention_months": current["audit_retention_months"],
    }
    httpx.put(url, headers=headers, json=body).raise_for_status()


def _file_as_handler(page: Page, plan: Path, handler_name: str) -> str:
    signed_in_as(page, REGISTRAR)
    page.goto("/exports/new")
    _fill_application(page, plan)
    # From today: the handler downloads within the period of use, in this test.
    page.get_by_label("使用开始日期").fill(_china_day(0))
    handler = page.get_by_label("经办人")
    named = handler.locator("option", has_text=f"{handler_name}（").first.inner_text()
    handler.select_option(label=named)
    page.get_by_label("姓名的申请理由", exact=True).fill("逐人核对学籍信息")
    page.get_by_role("button", name="提交申请").click()
    expect(page).to_have_url(re.compile(r"/exports/[0-9a-f-]{36}$"))
    return page.get_by_role("heading", level=1).locator("small").inner_text()


def _labels_in(path: Path) -> set[str]:
    sheet = openpyxl.load_workbook(path, read_only=True).active
    assert sheet is not None
    return {str(cell) for row in sheet.iter_rows(max_row=6, values_only=True) for cell in row}


def test_an_approver_refuses_without_reason_then_approves_and_the_handler_downloads(
    page: Page, platform: Platform, shots: Screenshots, plan: Path, tmp_path: Path
) -> None:
    _authorise_county_page_export(platform, "310104")
    handler = api_token(platform, REGISTRAR)["principal"]["name"]
    number = _file_as_handler(page, plan, handler)
    application_url = page.url
    expect(page.locator("section.state")).to_contain_text(re.compile("已提交|审批中"))
    shots.step("filed")

    signed_in_as(page, COUNTY)
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="导出审批").click()
    listed = page.locator("table.export-inbox tbody tr").filter(has_text=number)
    expect(listed).to_contain_text("教育行政部门审批")
    shots.step("inbox")
    listed.get_by_role("link", name=number).click()
    expect(page.locator("table.timeline")).to_contain_text("办理中")
    page.get_by_role("button", name="不同意").click()
    expect(page.locator("#reason-error")).to_be_visible()
    shots.step("refusal-without-reason")
    page.get_by_label(re.compile("审批意见")).fill("用途明确，范围适当")
    page.get_by_role("button", name="同意", exact=True).click()
    expect(page.get_by_text("已同意，导出文件随后生成。")).to_be_visible()
    shots.step("approved")
    expect(page.locator("section.state")).to_contain_text("可下载", timeout=GENERATION_WAIT_MS)
    expect(page.locator("table.timeline")).to_contain_text("用途明确，范围适当")
    shots.step("ready")

    # Not the handler: the API's refusal on the page, no file.
    page.get_by_role("button", name="下载导出文件").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/download$"))
    shots.step("download-refused-for-another-user")

    signed_in_as(page, REGISTRAR)
    page.goto(application_url)
    with page.expect_download() as started:
        page.get_by_role("button", name="下载导出文件").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    assert number in saved.name or saved.suffix in {".xlsx", ".csv"}
    labels = _labels_in(saved)
    assert {"学校名称", "姓名"} <= labels
    assert "身份证件号码" not in labels
    shots.step("downloaded")
