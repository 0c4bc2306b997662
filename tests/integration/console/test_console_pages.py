"""A school registrar in the console: sign in, search pupils, open one, sign out; an expired
session and a form without its CSRF token; the security headers and cookie flags."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.integration.console.conftest import Screenshots
from xueji_common import errors
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.keys import ensure_token_keys
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

REGISTRAR = "2131000101.registrar"  # 上海市青浦区金泽小学
OTHER_SCHOOL_REGISTRAR = "2131000201.registrar"  # 上海市徐汇区建襄小学
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)


def at(path: str) -> re.Pattern[str]:
    """The page's URL ends with this path (and query)."""
    return re.compile(re.escape(path) + "$")


def sign_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def api_token(platform: Platform, username: str) -> dict:
    answer = httpx.post(
        f"{platform.urls()['registry']}/v1/auth/token",
        json={"username": username, "password": DEMO_PASSWORD},
    )
    answer.raise_for_status()
    return answer.json()


def cookies_by_name(context: BrowserContext) -> dict[str, dict]:
    return {cookie["name"]: cookie for cookie in context.cookies()}


def test_a_registrar_signs_in_searches_opens_a_pupil_and_signs_out(
    page: Page, context: BrowserContext, shots: Screenshots
) -> None:
    first = page.goto("/")
    assert first is not None
    expect(page).to_have_url(at("/signin"))
    expect(page.get_by_text("请先登录。")).to_be_visible()
    headers = page.goto("/signin").headers  # type: ignore[union-attr]
    assert headers["content-security-policy"] == CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"
    shots.step("sign-in-form")

    sign_in(page, REGISTRAR, "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("用户名或密码错误")
    expect(page.get_by_label("用户名")).to_have_value(REGISTRAR)
    shots.step("wrong-password")

    sign_in(page, REGISTRAR)
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()
    expect(page.get_by_text("登录成功。")).to_be_visible()
    person = page.get_by_label("当前登录")
    expect(person).to_contain_text("上海市青浦区金泽小学")
    expect(person).to_contain_text("学校学籍管理员")
    navigation = page.get_by_role("navigation", name="主导航")
    menu = ["首页", "学生学籍", "新生录入", "班级管理", "转学", "申请转入", "照片采集", "数据导出"]
    menu += ["Excel导入", "学籍注册"]
    expect(navigation.get_by_role("link")).to_have_text(menu)
    expect(page.get_by_text("问题学籍")).to_be_visible()
    cookies = cookies_by_name(context)
    for name in ("xueji_token", "xueji_sid"):
        assert cookies[name]["httpOnly"] and cookies[name]["secure"], cookies[name]
        assert cookies[name]["sameSite"] == "Lax"
    # HttpOnly: no page script can read the token.
    assert "xueji_token" not in page.evaluate("document.cookie")
    shots.step("home")

    navigation.get_by_role("link", name="学生学籍").click()
    expect(page.get_by_role("heading", name="学生学籍")).to_be_visible()
    page.get_by_label("年级").select_option("1")
    page.get_by_label("学籍状态").select_option(label="在读")
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("status").filter(has_text="名学生")).to_contain_text("共")
    rows = page.locator("table.pupils tbody tr")
    expect(rows.first).to_be_visible()
    grades = rows.locator("td:nth-child(4)").all_inner_texts()
    assert grades and set(grades) == {"1"}
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {"上海市青浦区金泽小学"}
    shots.step("pupil-search")

    page.get_by_label("问题学籍").select_option("true")
    page.get_by_label("年级").select_option("")
    page.get_by_label("学籍状态").select_option("")
    page.get_by_role("button", name="查询").click()
    expect(rows.first).to_contain_text("问题学籍")
    shots.step("problem-records")

    chosen = rows.first.get_by_role("link").first
    name = chosen.inner_text()
    chosen.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)
    expect(page.get_by_role("heading", name="字段变更记录")).to_be_visible()
    expect(page.get_by_role("heading", name="问题学籍", exact=False)).to_be_visible()
    shots.step("pupil-detail")

    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(at("/signin"))
    expect(page.get_by_text("您已安全退出。")).to_be_visible()
    assert "xueji_token" not in cookies_by_name(context)
    page.goto("/pupils")
    expect(page).to_have_url(at("/signin?next=/pupils"))
    shots.step("signed-out")


def test_an_expired_session_goes_back_to_sign_in_and_then_to_the_page(
    page: Page, context: BrowserContext, platform: Platform, console_url: str,
    shots: Screenshots,
) -> None:
    who = api_token(platform, REGISTRAR)["principal"]
    principal = Principal(
        account_id=who["account_id"], name=who["name"], role=Role(who["role"]),
        unit_code=who["unit_code"], unit_kind=UnitKind(who["unit_kind"]),
        unit_path=tuple(who["unit_path"]),
    )
    private, _ = ensure_token_keys(platform.state_dir)
    issuer = TokenIssuer(private.read_bytes())
    expired = issuer.issue(principal, now=datetime.now(UTC) - issuer.ttl - timedelta(minutes=1))
    context.add_cookies([{
        "name": "xueji_token", "value": expired, "url": console_url,
        "httpOnly": True, "secure": True, "sameSite": "Lax",
    }])

    page.goto("/pupils")
    expect(page).to_have_url(at("/signin?next=/pupils"))
    expect(page.get_by_text("登录已过期，请重新登录。")).to_be_visible()
    shots.step("expired")

    sign_in(page, REGISTRAR)
    expect(page).to_have_url(at("/pupils"))
    expect(page.get_by_role("heading", name="学生学籍")).to_be_visible()
    shots.step("signed-in-again")


def test_a_form_without_its_csrf_token_is_refused(
    page: Page, context: BrowserContext, shots: Screenshots
) -> None:
    page.goto("/signin")
    sign_in(page, REGISTRAR)
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()

    refused = context.request.post("/signout", form={"csrf_token": "forged"})
    assert refused.status == 403
    assert "表单已失效或来源不明" in refused.text()

    # The browser's own sign-out form, its token taken out before it is sent.
    page.locator("form.signout input[name=csrf_token]").evaluate("input => input.remove()")
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("alert")).to_contain_text("表单已失效或来源不明")
    expect(page.get_by_role("alert")).to_contain_text("CSRF_TOKEN_INVALID")
    shots.step("csrf-refused")
    # Still signed in: the refused form changed nothing.
    page.goto("/")
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()


def test_a_registrar_sees_nothing_of_another_school_by_editing_the_url(
    page: Page, platform: Platform, shots: Screenshots
) -> None:
    other = api_token(platform, OTHER_SCHOOL_REGISTRAR)["access_token"]
    found = httpx.get(
        f"{platform.urls()['registry']}/v1/pupils", params={"limit": 1},
        headers={"Authorization": f"Bearer {other}"},
    ).json()["items"]
    assert found, "the other demo school has pupils"
    page.goto("/signin")
    sign_in(page, REGISTRAR)
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()

    answer = page.goto(f"/pupils/{found[0]['id']}")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("alert")).to_contain_text(errors.PUPIL_NOT_FOUND.message)
    expect(page.get_by_text(found[0]["name"])).to_have_count(0)
    shots.step("other-school-pupil")


def test_a_county_officer_sees_what_waits_for_the_county(
    page: Page, shots: Screenshots
) -> None:
    page.goto("/signin")
    sign_in(page, "xuhui.county")  # 上海市徐汇区教育局
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()
    expect(page.get_by_label("当前登录")).to_contain_text("县（区）教育局")
    waiting = page.locator("table.waiting tbody tr")
    # The demo's transfer 青浦 → 徐汇 waits at the receiving bureau, with its deadline.
    transfer = waiting.filter(has_text="转入地教育局审核")
    expect(transfer).to_have_count(1)
    expect(transfer.locator("td:nth-child(4)")).to_have_text(re.compile(r"\d{4}-\d\d-\d\d"))
    # 上海市南洋模范中学's registration waits for the county's review.
    expect(waiting.filter(has_text="学籍注册上报").filter(has_text="3431000202")).to_contain_text(
        "待审核"
    )
    expect(page.get_by_text("本辖区逾期转学环节")).to_be_visible()
    expect(page.get_by_text("问题学籍")).to_have_count(0)
    shots.step("county-home")
