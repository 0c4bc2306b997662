"""What the transfer page tests share: a second non-docking province made through the
registry's API (the demo's other province, Shandong, decides its steps in its own system),
a pupil there, and the browser steps of the parties."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import httpx
from playwright.sync_api import Locator, Page, expect

from tests.integration.console.platform_sql import platform_sql
from tests.integration.console.test_console_pages import api_token, sign_in
from tests.integration.registry.builders import IdFactory, pupil_body
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.platform import Platform

# Guangdong, a province no other suite uses; its schools use the platform's own pages.
UNITS = (
    ("44", "广东省教育厅", "CN"),
    ("4401", "广州市教育局", "44"),
    ("440103", "广州市荔湾区教育局", "4401"),
)
SCHOOL = "2144000101"
SCHOOL_NAME = "广州市荔湾区测试小学"
COUNTY = "liwan.county"
ACCOUNTS = (
    (f"{SCHOOL}.registrar", "梁晓东", "school_registrar", SCHOOL),
    (f"{SCHOOL}.reviewer", "何志明", "school_reviewer", SCHOOL),
    (COUNTY, "陈荔湾", "county_officer", "440103"),
)
# Waiting for what the services record from their events (the inbox is read from them).
RECORDED_WITHIN = 60.0


@dataclass(frozen=True)
class Pupil:
    id: str
    national_number: str
    name: str
    grade: int


def _created(response: httpx.Response) -> None:
    # 409: made by an earlier run on the same database.
    assert response.status_code in (201, 409), response.text


def guangdong_school(platform: Platform) -> None:
    """The province, its school and staff (idempotent), known to the transfer service.

    The demo's provinces (31, 37) hold the demo data whose seeding a registry suite counts
    on the same database, so a browser test that leaves records behind makes them here."""
    registry = platform.urls()["registry"]
    operator = api_token(platform, "nation.operator")["access_token"]
    with httpx.Client(base_url=registry, headers={"Authorization": f"Bearer {operator}"}) as api:
        for code, name, parent in UNITS:
            body = {"code": code, "name": name, "parent_code": parent, "docking": False}
            _created(api.post("/v1/org-units", json=body))
        school = {"code": SCHOOL, "full_name": SCHOOL_NAME, "county_code": "440103",
                  "stages": ["primary"]}  # fmt: skip
        _created(api.post("/v1/schools", json=school))
        for username, name, role, unit in ACCOUNTS:
            account = {"username": username, "name": name, "role": role, "unit_code": unit,
                       "password": DEMO_PASSWORD}  # fmt: skip
            _created(api.post("/v1/accounts", json=account))
    # The transfer service names the schools from its organisation replica when a transfer is
    # filed: the new school must have reached it by event first.
    known = "SELECT count(*) FROM transfer.org_units WHERE code = :code AND name = :name"
    deadline = time.monotonic() + RECORDED_WITHIN
    while not platform_sql(platform, "transfer", known, {"code": SCHOOL, "name": SCHOOL_NAME}):
        if time.monotonic() > deadline:
            raise AssertionError(f"the transfer service never learned of school {SCHOOL}")
        time.sleep(0.2)


def guangdong_pupil(platform: Platform, ids: IdFactory) -> Pupil:
    """A fresh grade-3 pupil at the Guangdong school (made first where missing)."""
    guangdong_school(platform)
    registry = platform.urls()["registry"]
    registrar = api_token(platform, f"{SCHOOL}.registrar")["access_token"]
    body = pupil_body(ids, grade=3, name="欧阳思远")
    created = httpx.post(
        f"{registry}/v1/pupils", json=body, headers={"Authorization": f"Bearer {registrar}"}
    )
    assert created.status_code == 201, created.text
    record = created.json()
    return Pupil(record["id"], record["national_number"], record["name"], record["grade"])


def signed_in_as(page: Page, username: str) -> None:
    """Whoever was signed in signs out; `username` signs in on the sign-in page."""
    page.goto("/signin")
    if page.get_by_role("button", name="退出登录").count():
        page.get_by_role("button", name="退出登录").click()
    sign_in(page, username)
    expect(page.get_by_role("heading", name="待办事项")).to_be_visible()


def reloaded_until(page: Page, locator: Locator, *, within: float = RECORDED_WITHIN) -> Locator:
    """Reload until `locator` shows: the page reads what the service has recorded, which
    follows the workflow by an event. Fails (does not time) when it never shows."""
    deadline = time.monotonic() + within
    while not locator.count():
        if time.monotonic() > deadline:
            raise AssertionError(f"never shown on {page.url}: {locator}")
        page.wait_for_timeout(250)
        page.reload()
    return locator


def open_from_inbox(page: Page, pupil: Pupil, step: str) -> None:
    """The transfer pages' inbox, the pupil's row at `step`, and its case page."""
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="转学").click()
    row = page.locator("table.inbox tbody tr").filter(has_text=pupil.national_number)
    reloaded_until(page, row.filter(has_text=step))
    row.get_by_role("link", name=pupil.name).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(pupil.name)


def case_state(page: Page) -> Locator:
    return page.locator("dd.case-state")


def unlabelled_controls(page: Page) -> list[str]:
    """Form controls a screen reader would announce without a name."""
    return page.evaluate(
        """() => [...document.querySelectorAll(
                'input:not([type=hidden]), select, textarea')]
            .filter(control => control.labels.length === 0).map(control => control.name)"""
    )


def at_case(transfer_id: str) -> re.Pattern[str]:
    return re.compile(re.escape(f"/transfers/{transfer_id}") + "$")
