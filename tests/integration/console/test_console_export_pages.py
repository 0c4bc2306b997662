"""The export pages in the browser: a province officer applies with the catalogue's labels and
sensitivity shown, is refused for a sensitive field without its reason (the message next to
that field, the uploaded plan kept), files it, sees the application and the list; the
province's audit shows the records and the verified chain, and a tampered record names where
it breaks; a county without the province's authorisation is refused page export next to the
method; who may not apply gets neither the menu entry nor the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.platform_sql import platform_sql
from tests.integration.console.test_console_pages import at, sign_in
from xueji_console.rendering import CHINA
from xueji_stack.platform import Platform

# A just-filed application: submitted, or already in review once its workflow opened the step.
FILED = re.compile("已提交|审批中")

pytestmark = pytest.mark.integration

PROVINCE = "sh.province"  # 陈上海, 上海市 (31)
COUNTY = "qingpu.county"
CLASS_TEACHER = "2131000101.teacher"
PDF = b"%PDF-1.4\n% security plan\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def _china_day(days: int) -> str:
    return (datetime.now(CHINA).date() + timedelta(days=days)).isoformat()


def _fill_application(page: Page, plan: Path | None) -> None:
    page.get_by_label("申请用途").fill("核对本省在校生名单")
    page.get_by_role("list", name="导出范围").get_by_role("checkbox").first.check()
    page.get_by_label("使用开始日期").fill(_china_day(1))
    page.get_by_label("使用结束日期").fill(_china_day(10))
    page.get_by_label("安全负责人").fill("陈上海")
    handler = page.get_by_label("经办人")
    handler.select_option(label=handler.locator("option").nth(1).inner_text())
    page.get_by_label("学校名称").check()
    page.get_by_label("姓名", exact=True).check()
    if plan is not None:
        page.get_by_label("安全保障方案").set_input_files(str(plan))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "安全保障方案.pdf"
    path.write_bytes(PDF)
    return path


def test_a_province_officer_is_refused_a_reason_then_files_and_reads_the_application(
    page: Page, shots: Screenshots, plan: Path
) -> None:
    page.goto("/signin?next=/exports")
    sign_in(page, PROVINCE)
    navigation = page.get_by_role("navigation", name="主导航")
    expect(navigation.get_by_role("link", name="数据导出")).to_be_visible()
    expect(navigation.get_by_role("link", name="导出审计")).to_be_visible()
    expect(page.get_by_role("heading", name="导出申请")).to_be_visible()
    page.get_by_role("link", name="申请数据导出").click()
    expect(page).to_have_url(at("/exports/new"))
    catalogue = page.locator("table.catalogue tbody tr")
    expect(catalogue.filter(has_text="身份证件号码").first).to_contain_text("敏感")
    expect(catalogue.filter(has_text="学校名称")).to_contain_text("一般")
    expect(page.get_by_label("监护人联系电话的申请理由")).to_be_visible()
    expect(page.get_by_label("经办人")).to_contain_text("陈上海")
    shots.step("apply-form")

    page.get_by_role("button", name="提交申请").click()
    expect(page.locator("#purpose-error")).to_contain_text("缺少必填字段")
    expect(page.locator("#security_plan_document_id-error")).to_contain_text("缺少必填字段")
    expect(page.locator("#fields-error")).to_contain_text("VALIDATION_FAILED")
    shots.step("nothing-entered")

    _fill_application(page, plan)
    page.get_by_role("button", name="提交申请").click()
    refusal = page.locator("#field-name-error")
    expect(refusal).to_contain_text("敏感字段须逐项说明申请理由")
    expect(refusal).to_contain_text("EXPORT_SENSITIVE_REASON_MISSING")
    expect(page.get_by_text("已上传：安全保障方案.pdf")).to_be_visible()
    expect(page.get_by_label("申请用途")).to_have_value("核对本省在校生名单")
    expect(page.get_by_label("姓名", exact=True)).to_be_checked()
    shots.step("reason-missing")

    page.get_by_label("姓名的申请理由", exact=True).fill("逐人核对学籍信息")
    page.get_by_role("button", name="提交申请").click()
    expect(page).to_have_url(re.compile(r"/exports/[0-9a-f-]{36}$"))
    expect(page.get_by_text("导出申请已提交，等待审批。")).to_be_visible()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(re.compile(r"DC31\d{8}[0-9A-F]{6}"))
    number = heading.locator("small").inner_text()
    # The approval workflow starts at once: the page may already show it in review.
    expect(page.locator("section.state")).to_contain_text(FILED)
    summary = page.locator("dl.application-summary")
    expect(summary).to_contain_text("页面导出")
    expect(summary).to_contain_text("上海市教育委员会（31）")
    expect(summary).to_contain_text(f"{_china_day(1)} 至 {_china_day(10)}")
    rows = page.locator("table.application-fields tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("学校名称")
    expect(rows.nth(1)).to_contain_text("姓名")
    expect(rows.nth(1)).to_contain_text("敏感")
    expect(rows.nth(1)).to_contain_text("逐人核对学籍信息")
    shots.step("application")

    page.get_by_role("link", name="← 返回导出申请").click()
    listed = page.locator("table.applications tbody tr").filter(has_text=number)
    expect(listed).to_contain_text(FILED)
    expect(listed).to_contain_text("陈上海")
    shots.step("my-applications")

    navigation.get_by_role("link", name="导出审计").click()
    expect(page.get_by_role("status").filter(has_text="审计链完整")).to_be_visible()
    records = page.locator("table.audit tbody")
    expect(records).to_contain_text(number)
    expect(records).to_contain_text("被拒绝（EXPORT_SENSITIVE_REASON_MISSING）")
    expect(records).to_contain_text("提交导出申请")
    shots.step("audit")


@pytest.fixture
def tampered_record(platform: Platform) -> Iterator[int]:
    """The newest record of Shanghai's chain with its outcome edited, put back afterwards:
    later modules of the session verify the same chain."""
    newest = platform_sql(
        platform, "export", "SELECT max(sequence) FROM audit_records WHERE province_code = '31'", {}
    )
    assert isinstance(newest, int)
    where = "WHERE province_code = '31' AND sequence = :sequence"
    original = platform_sql(
        platform, "export", f"SELECT outcome FROM audit_records {where}", {"sequence": newest}
    )
    edit = f"UPDATE audit_records SET outcome = :outcome {where}"
    platform_sql(platform, "export", edit, {"sequence": newest, "outcome": "accepted-edited"})
    try:
        yield newest
    finally:
        platform_sql(platform, "export", edit, {"sequence": newest, "outcome": original})


def test_the_audit_view_names_the_record_where_the_chain_breaks(
    page: Page, shots: Screenshots, plan: Path, tampered_record: int
) -> None:
    page.goto("/signin?next=/export-audit")
    sign_in(page, PROVINCE)
    alert = page.get_by_role("alert").filter(has_text="审计链")
    expect(alert).to_contain_text(f"审计链在第 {tampered_record} 条记录处断裂")
    expect(alert).to_contain_text(f"第 {tampered_record} 条记录被修改")
    shots.step("chain-broken")


def test_a_county_without_authorisation_is_refused_page_export_next_to_the_method(
    page: Page, shots: Screenshots, plan: Path
) -> None:
    page.goto("/signin?next=/exports/new")
    sign_in(page, COUNTY)
    expect(page.get_by_role("heading", name="申请数据导出")).to_be_visible()
    expect(page.get_by_role("navigation", name="主导航")).not_to_contain_text("导出审计")
    _fill_application(page, plan)
    page.get_by_label("姓名的申请理由", exact=True).fill("逐人核对学籍信息")
    page.get_by_role("button", name="提交申请").click()
    refusal = page.locator("#method-error")
    expect(refusal).to_contain_text("本县（区）未获省级教育行政部门授权页面导出")
    expect(refusal).to_contain_text("EXPORT_PAGE_EXPORT_NOT_AUTHORISED")
    shots.step("county-not-authorised")


def test_a_class_teacher_gets_no_export_pages(page: Page, shots: Screenshots) -> None:
    page.goto("/signin")
    sign_in(page, CLASS_TEACHER)
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()
    expect(page.get_by_role("navigation", name="主导航")).not_to_contain_text("数据导出")
    page.goto("/exports/new")
    expect(page.get_by_role("heading", name="无法完成请求")).to_be_visible()
    expect(page.get_by_text("当前账号无权执行此操作")).to_be_visible()
    page.goto("/export-audit")
    expect(page.get_by_text("当前账号无权执行此操作")).to_be_visible()
    shots.step("no-export-pages")
