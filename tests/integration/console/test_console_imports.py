"""The import and registration pages in the browser, on the demo platform.

A registrar downloads the template, imports a workbook with planted errors (the registry's
import tests' own generator), reads the row-by-row report on the page, downloads it, fixes
the rows and imports again without errors. A registrar reports the school's pupils for
registration, the county officer is refused a return without a reason, approves, and the
school sees the decision.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import httpx
import openpyxl
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.test_console_pages import (
    OTHER_SCHOOL_REGISTRAR,
    REGISTRAR,
    api_token,
    at,
    sign_in,
)
from tests.integration.console.transfer_steps import signed_in_as, unlabelled_controls
from tests.unit.registry_imports.sample_workbooks import pupil_row, workbook
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

COUNTY = "qingpu.county"  # the county bureau of the registrar's school (310118)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _downloaded(page: Page, link: str) -> openpyxl.Workbook:
    with page.expect_download() as download:
        page.get_by_role("link", name=link).click()
    path = download.value.path()
    return openpyxl.load_workbook(io.BytesIO(Path(path).read_bytes()), read_only=True)


def _error_row(page: Page, row: int) -> Locator:
    return page.locator("table.import-errors tbody tr").filter(
        has=page.locator("td[data-label='行号']", has_text=re.compile(rf"^{row}$"))
    )


def test_a_registrar_reads_the_row_report_fixes_the_rows_and_imports_again(
    page: Page, shots: Screenshots, tmp_path: Path
) -> None:
    page.goto("/signin?next=/imports")
    sign_in(page, REGISTRAR)
    expect(page).to_have_url(at("/imports"))
    expect(page.get_by_role("heading", name="Excel 批量导入学生信息")).to_be_visible()
    assert unlabelled_controls(page) == []
    template = _downloaded(page, "下载导入模板")
    headers = [cell.value for cell in next(template.worksheets[0].iter_rows(max_row=1))]
    assert "姓名" in headers and "身份证件号" in headers
    shots.step("upload-form")

    # Sent without a file (past the browser's own check): refused at the file input.
    page.locator("#file").evaluate("input => input.removeAttribute('required')")
    page.get_by_role("button", name="上传并导入").click()
    expect(page.locator("#file-error")).to_contain_text("IMPORT_FILE_MISSING")
    not_a_workbook = tmp_path / "学生信息.txt"
    not_a_workbook.write_text("姓名,性别\n")
    page.get_by_label("导入文件（.xlsx）").set_input_files(str(not_a_workbook))
    page.get_by_role("button", name="上传并导入").click()
    expect(page.locator("#file-error")).to_contain_text("IMPORT_FILE_NOT_XLSX")
    expect(page.get_by_label("导入文件（.xlsx）")).to_have_attribute("aria-invalid", "true")
    shots.step("not-a-workbook-refused")

    good = [pupil_row(1), pupil_row(2, male=False)]
    wrong_gender = pupil_row(1)
    wrong_id = pupil_row(3)
    planted = [*good, dict(wrong_gender, 性别="X"), dict(wrong_id)]
    planted[3]["身份证件号"] = str(wrong_id["身份证件号"])[:17] + "Z"
    broken = tmp_path / "学生信息.xlsx"
    broken.write_bytes(workbook(planted))
    page.get_by_label("导入文件（.xlsx）").set_input_files(str(broken))
    page.get_by_role("button", name="上传并导入").click()

    expect(page.get_by_role("heading", name="导入报告")).to_be_visible()
    expect(page.get_by_text("部分行有错误")).to_be_visible()
    expect(page.locator("#rows-total")).to_have_text("4")
    expect(page.locator("#rows-failed")).to_have_text("2")
    # Rows as Excel numbers them: the header is row 1, the planted rows are 4 and 5.
    gender = _error_row(page, 4)
    expect(gender.locator("td[data-label='列']")).to_have_text("性别")
    expect(gender.locator("td[data-label='填写的内容']")).to_have_text("X")
    expect(gender.locator("td[data-label='错误']")).to_contain_text("性别代码“X”无效")
    expect(gender).to_contain_text("GENDER_INVALID")
    id_number = _error_row(page, 5)
    expect(id_number.locator("td[data-label='列']")).to_have_text("身份证件号")
    expect(id_number).to_contain_text("ID_NUMBER_CHARACTERS")
    expect(_error_row(page, 2)).to_have_count(0)
    shots.step("row-report")

    sheet = _downloaded(page, "下载导入结果（Excel，含每行错误）").worksheets[0]
    written = [[str(v) for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]
    assert any("X" in row and any("性别" in v for v in row) for row in written), written

    fixed = tmp_path / "学生信息（已修改）.xlsx"
    fixed.write_bytes(workbook([*good, wrong_gender, wrong_id]))
    page.get_by_role("link", name="← 返回Excel导入").click()
    page.get_by_label("导入文件（.xlsx）").set_input_files(str(fixed))
    page.get_by_role("button", name="上传并导入").click()
    expect(page.get_by_text("导入完成，所有行均已通过校验。")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="全部 4 行导入成功")).to_be_visible()
    expect(page.locator("#rows-failed")).to_have_text("0")
    # The rows imported the first time are not imported twice.
    expect(page.locator("#rows-unchanged")).to_have_text("2")
    expect(page.locator("#rows-applied")).to_have_text("2")
    expect(page.locator("table.import-errors")).to_have_count(0)
    shots.step("re-imported")
    report_path = page.url.removeprefix(page.url.split("/imports/")[0])
    _refused_elsewhere(page, report_path, "35010220")
    signed_in_as(page, REGISTRAR)

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/imports")
    report = _downloaded(page, "下载本校学籍总库及信息更正表（2131000101）")
    assert [s.title for s in report.worksheets] == ["学籍总库", "信息更正表"]
    shots.step("phone-width")


def _refused_elsewhere(page: Page, path: str, private: str) -> None:
    """Another school's registrar, editing the URL, sees the API's refusal and nothing of it."""
    signed_in_as(page, OTHER_SCHOOL_REGISTRAR)
    answer = page.goto(path)
    assert answer is not None and answer.status in (403, 404), answer
    expect(page.locator("main")).not_to_contain_text(private)
    expect(page.locator("main")).not_to_contain_text("张小明")


def _validated_pupils(platform: Platform) -> None:
    """Something to report: fresh pupils imported through the registry's API."""
    token = api_token(platform, REGISTRAR)["access_token"]
    answer = httpx.post(
        f"{platform.urls()['registry']}/v1/imports",
        headers={"Authorization": f"Bearer {token}"},
        files={"file": ("学生信息.xlsx", workbook([pupil_row(1), pupil_row(4)]), XLSX)},
        timeout=60,
    )
    assert answer.status_code == 201 and answer.json()["rows_applied"] == 2, answer.text


def test_a_school_reports_its_pupils_the_county_approves_and_the_school_sees_it(
    page: Page, shots: Screenshots, platform: Platform
) -> None:
    _validated_pupils(platform)
    page.goto("/signin?next=/registration")
    sign_in(page, REGISTRAR)
    expect(page.get_by_role("heading", name="学籍注册", exact=True)).to_be_visible()
    page.get_by_role("button", name="上报县（区）教育局").click()
    expect(page.get_by_text("已上报县（区）教育局，等待审核。")).to_be_visible()
    expect(page.locator("dd.submission-state")).to_have_text("待审核")
    submission = page.url.rsplit("/", 1)[-1]
    shots.step("school-submitted")

    signed_in_as(page, COUNTY)
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="学籍注册").click()
    pending = page.locator("table.pending tbody tr")
    expect(pending.locator(f"a[href='/registration/{submission}']")).to_have_count(1)
    shots.step("county-inbox")
    pending.locator(f"a[href='/registration/{submission}']").click()
    assert unlabelled_controls(page) == []
    page.get_by_role("button", name="退回学校").click()
    expect(page.locator("#reason-error")).to_contain_text("退回学校时必须填写退回原因")
    expect(page.get_by_label("审核意见（退回时必填）")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("dd.submission-state")).to_have_text("待审核")
    shots.step("return-refused-without-reason")

    page.get_by_label("审核意见（退回时必填）").fill("材料齐全，同意注册")
    page.get_by_role("button", name="审核通过").click()
    expect(page.get_by_text("已审核通过，学生学籍已注册。")).to_be_visible()
    expect(page.locator("dd.submission-state")).to_have_text("审核通过")
    shots.step("county-approved")

    signed_in_as(page, REGISTRAR)
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="学籍注册").click()
    row = page.locator("table.submissions tbody tr").filter(
        has=page.locator(f"a[href='/registration/{submission}']")
    )
    expect(row.locator("td[data-label='状态']")).to_have_text("审核通过")
    row.get_by_role("link").click()
    expect(page.locator("dd.decision-reason")).to_have_text("材料齐全，同意注册")
    expect(page.locator("table.submitted-pupils tbody tr").first).to_contain_text("已注册")
    expect(page.get_by_role("button", name="审核通过")).to_have_count(0)
    shots.step("school-sees-decision")
    _refused_elsewhere(page, f"/registration/{submission}", "材料齐全")
