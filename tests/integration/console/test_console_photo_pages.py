"""The photo pages in the browser: a parent signs in with 学籍副号, name and captcha, sees the
rule and window, has a photo refused with its Chinese reason, then accepted, and cannot replace
it; the lock-out after failed sign-ins; the county's codes, windows and reopening; a teacher
registering with a code the county issued, the roster, its filter and an upload; a registrar
with the registry account on the same roster."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.photo_steps import (
    captcha_answer,
    forget_failed_sign_ins,
    image_width,
    parent_sign_in,
    portrait_file,
    roster,
    upload,
)
from tests.integration.console.test_console_pages import at, sign_in
from xueji_stack.demo.photos import SCHOOL, SCHOOL_NAME
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

COUNTY = "qingpu.county"


@pytest.fixture(scope="module", autouse=True)
def no_failed_sign_ins_left(platform: Platform) -> Iterator[None]:
    began = datetime.now(UTC)
    yield
    forget_failed_sign_ins(platform, began)


def test_a_parent_has_a_photo_refused_then_accepted_and_cannot_replace_it(
    page: Page, context: BrowserContext, platform: Platform, shots: Screenshots, tmp_path: Path
) -> None:
    pupil = roster(platform, without_photo=True)[0]
    page.goto("/parent")
    expect(page).to_have_url(at("/parent/signin"))
    expect(page.get_by_alt_text("验证码图片")).to_be_visible()
    assert image_width(page, "img.captcha") == 200
    shots.step("sign-in-form")

    parent_sign_in(page, pupil, "WRONG")
    expect(page.get_by_text("验证码不正确或已过期")).to_be_visible()
    expect(page.get_by_label("学籍副号")).to_have_value(pupil["local_number"])
    shots.step("wrong-captcha")

    parent_sign_in(page, pupil, captcha_answer(platform, context))
    expect(page).to_have_url(at("/parent"))
    expect(page.get_by_role("heading", name=re.compile("学生照片"))).to_contain_text(SCHOOL_NAME)
    navigation = page.get_by_role("navigation", name="主导航")
    expect(navigation.get_by_role("link")).to_have_text(["学生照片"])
    expect(page.get_by_label("当前登录")).to_contain_text("家长")
    expect(page.get_by_label("当前登录")).not_to_contain_text(pupil["name"])
    rule = page.locator("dl.rule")
    expect(rule).to_contain_text("宽 272 像素 × 高 354 像素")
    expect(rule).to_contain_text("不低于 300 DPI")
    expect(rule).to_contain_text("淡蓝色")
    expect(page.locator("p.window")).to_have_text(re.compile(r"\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d"))
    assert "xueji_photo_token" in {c["name"] for c in context.cookies() if c["httpOnly"]}
    shots.step("pupil-page")

    upload(page, portrait_file(tmp_path, "wide.jpg", (300, 390)))
    refusals = page.get_by_role("list", name="不合格原因")
    expect(refusals).to_contain_text("宽度 300 像素，应为 272 像素")
    expect(refusals).to_contain_text("高度 390 像素，应为 354 像素")
    expect(refusals).to_contain_text("PHOTO_WIDTH_WRONG")
    shots.step("refused")

    page.get_by_role("link", name="返回").click()
    expect(page.get_by_text("上次上传")).to_contain_text("未通过检查")
    upload(page, portrait_file(tmp_path, "portrait.jpg"))
    expect(page.get_by_text("照片合格，已采用。")).to_be_visible()
    assert image_width(page, "figure.accepted-photo img") == 272
    shots.step("accepted")

    page.goto("/parent")
    expect(page.get_by_role("heading", name="已采集的照片")).to_be_visible()
    expect(page.get_by_role("button", name="上传并检查")).to_have_count(0)
    assert image_width(page, "figure.accepted-photo img") == 272
    csrf = page.locator("form.signout input[name=csrf_token]").input_value()
    again = context.request.post("/parent/photo", multipart={
        "csrf_token": csrf,
        "file": {"name": "again.jpg", "mimeType": "image/jpeg",
                 "buffer": portrait_file(tmp_path, "again.jpg").read_bytes()},
    })  # fmt: skip
    assert again.status == 409
    assert "已有合格照片，不能再次上传" in again.text()
    shots.step("no-replacement")

    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(at("/parent/signin"))
    expect(page.get_by_text("您已安全退出。")).to_be_visible()
    page.goto("/parent")
    expect(page).to_have_url(at("/parent/signin"))
    shots.step("signed-out")


def test_failed_parent_sign_ins_lock_the_number_out_with_the_time_to_retry(
    page: Page, context: BrowserContext, platform: Platform, shots: Screenshots
) -> None:
    pupil = roster(platform, without_photo=True)[-1]
    page.goto("/parent/signin")
    for _ in range(6):
        parent_sign_in(page, pupil, "WRONG")
        if page.get_by_text("尝试次数过多").count():
            break
    expect(page.get_by_role("alert")).to_contain_text(re.compile(r"尝试次数过多，请于 .+ 后再试"))
    shots.step("locked-out")
    # Even the right answer is refused until then.
    parent_sign_in(page, pupil, captcha_answer(platform, context))
    expect(page.get_by_role("alert")).to_contain_text("PHOTO_SIGN_IN_LOCKED")
    shots.step("still-locked")


def issue_code(page: Page) -> str:
    page.get_by_role("button", name=f"为{SCHOOL_NAME}发放注册码").click()
    expect(page.get_by_role("heading", name="新注册码（只显示这一次）")).to_be_visible()
    return page.locator("strong.registration-code").inner_text()


def test_the_county_issues_and_revokes_codes_sets_a_window_and_reopens_a_photo(
    page: Page, platform: Platform, shots: Screenshots
) -> None:
    collected = roster(platform, without_photo=False)
    with_photo = next(p for p in collected if p["has_photo"])
    page.goto("/signin")
    sign_in(page, COUNTY)
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="照片采集管理").click()
    expect(page.get_by_role("heading", name="照片采集管理")).to_be_visible()
    school = page.locator("table.codes tr", has_text=SCHOOL)
    expect(school).to_contain_text("有效")  # the demo issued one
    shots.step("county-page")

    code = issue_code(page)
    assert re.fullmatch(r"[A-Z0-9-]{8,40}", code), code
    shots.step("code-issued")
    page.goto("/photos/county")
    expect(page.get_by_text(code)).to_have_count(0)  # shown that once only

    page.get_by_role("button", name=f"作废{SCHOOL_NAME}的注册码").click()
    expect(page.get_by_text("注册码已作废，不能再用它注册。")).to_be_visible()
    expect(school).to_contain_text("无有效注册码")
    shots.step("code-revoked")

    # 外省转入: the demo's windows for entrants and graduates stay open for the other modules.
    page.get_by_label("采集类别").select_option(label="外省转入")
    page.get_by_label("开始日期").fill("2027-03-10")
    page.get_by_label("结束日期").fill("2027-03-01")
    page.get_by_role("button", name="保存采集时间").click()
    expect(page.get_by_text("采集结束日期不能早于开始日期").first).to_be_visible()
    shots.step("window-refused")
    page.get_by_label("结束日期").fill("2027-04-30")
    page.get_by_role("button", name="保存采集时间").click()
    expect(page.get_by_text("采集时间已保存。")).to_be_visible()
    expect(page.locator("table.windows tr", has_text="外省转入")).to_contain_text("2027-04-30")
    shots.step("window-set")

    page.get_by_label("全国学籍号").fill(with_photo["national_number"])
    page.get_by_label("原因").fill("   ")
    page.get_by_role("button", name="重新开放").click()
    expect(page.get_by_role("alert")).to_contain_text("重新开放须填写原因")
    shots.step("reopen-without-reason")
    page.get_by_label("全国学籍号").fill(with_photo["national_number"])
    page.get_by_label("原因").fill("照片模糊，家长申请重新拍摄")
    page.get_by_role("button", name="重新开放").click()
    expect(page.get_by_text("照片已重新开放，可再上传一次。")).to_be_visible()
    reopened = {p["national_number"]: p for p in roster(platform, without_photo=True)}
    assert with_photo["national_number"] in reopened
    shots.step("reopened")


def test_a_teacher_registers_with_the_countys_code_filters_the_roster_and_uploads(
    page: Page, context: BrowserContext, shots: Screenshots, tmp_path: Path
) -> None:
    page.goto("/signin")
    sign_in(page, COUNTY)
    page.goto("/photos/county")
    code = issue_code(page)
    page.get_by_role("button", name="退出登录").click()
    context.clear_cookies()

    page.goto("/photos/register")
    page.get_by_label("注册码").fill(code)
    page.get_by_label("真实姓名").fill("林老师")
    page.get_by_label("用户名").fill("lin.teacher")
    page.get_by_label("密码").fill("short")
    page.get_by_role("button", name="注册").click()
    expect(page.get_by_text("密码至少 10 位").first).to_be_visible()
    shots.step("weak-password")
    page.get_by_label("密码").fill("Photo2026demo")
    page.get_by_role("button", name="注册").click()
    expect(page).to_have_url(at("/photos/signin"))
    expect(page.get_by_text("注册成功")).to_be_visible()
    shots.step("registered")

    page.get_by_label("用户名").fill("lin.teacher")
    page.get_by_label("密码").fill("Photo2026demo")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="照片采集")).to_be_visible()
    expect(page.get_by_label("当前登录")).to_contain_text("林老师")
    navigation = page.get_by_role("navigation", name="主导航")
    expect(navigation.get_by_role("link")).to_have_text(["照片采集"])
    rows = page.locator("table.roster tbody tr")
    expect(rows.filter(has_text="已采集").first).to_be_visible()
    assert image_width(page, "img.thumbnail") > 0
    shots.step("roster")

    page.get_by_label("显示").select_option(label="仅尚无照片的学生")
    page.get_by_role("button", name="筛选").click()
    expect(page).to_have_url(at("/photos?without_photo=true"))
    expect(rows.filter(has_text="已采集")).to_have_count(0)
    first = rows.first
    name = first.locator("td:nth-child(2)").inner_text()
    number = first.locator("td:nth-child(3)").inner_text()
    shots.step("without-photo")

    first.get_by_role("link", name=name).click()
    expect(page).to_have_url(at(f"/photos/pupils/{number}"))
    upload(page, portrait_file(tmp_path, "portrait.jpg"))
    expect(page.get_by_text("照片合格，已采用。")).to_be_visible()
    assert image_width(page, "figure.accepted-photo img") == 272
    shots.step("uploaded")

    page.goto("/photos?without_photo=true")
    expect(page.get_by_text(number)).to_have_count(0)
    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(at("/photos/signin"))
    shots.step("signed-out")


def test_a_registrar_uses_the_roster_with_the_registry_account(
    page: Page, shots: Screenshots
) -> None:
    page.goto("/signin")
    sign_in(page, f"{SCHOOL}.registrar")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="照片采集").click()
    expect(page.get_by_role("heading", name="照片采集")).to_be_visible()
    expect(page.locator("table.roster tbody tr").first).to_be_visible()
    assert image_width(page, "img.thumbnail") > 0
    shots.step("registrar-roster")
