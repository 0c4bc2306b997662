"""What the photo page tests share: the demo school's roster, the captcha's answer from the
photo database, portraits as files, and the form steps."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import httpx
from playwright.sync_api import BrowserContext, Page

from tests.integration.console.platform_sql import platform_sql
from tests.integration.console.test_console_pages import api_token
from xueji_stack.demo.photos import SCHOOL
from xueji_stack.demo.portraits import jpeg, portrait
from xueji_stack.platform import Platform

VALID_SIZE = (272, 354)  # Shanghai's preset


def roster(platform: Platform, *, without_photo: bool) -> list[dict]:
    token = api_token(platform, f"{SCHOOL}.registrar")["access_token"]
    answer = httpx.get(
        f"{platform.urls()['photo']}/v1/schools/{SCHOOL}/photo-roster",
        params={"without_photo": str(without_photo).lower(), "limit": 200},
        headers={"Authorization": f"Bearer {token}"},
    )
    answer.raise_for_status()
    return answer.json()["items"]


def captcha_answer(platform: Platform, context: BrowserContext) -> str:
    """The answer of the captcha this browser was shown last: stored server-side only, so read
    from the photo service's table by the id in the browser's (HttpOnly) cookie."""
    captcha_id = {c["name"]: c["value"] for c in context.cookies()}["xueji_captcha"]
    query = "SELECT answer FROM photo.captchas WHERE id = CAST(:id AS uuid)"
    return str(platform_sql(platform, "photo", query, {"id": captcha_id}))


def forget_failed_sign_ins(platform: Platform, since: datetime) -> None:
    """The photo schema is shared by the session's test modules, and every browser here signs
    in from 127.0.0.1: failures left behind would lock that address out for the others."""
    query = "DELETE FROM photo.failed_sign_ins WHERE failed_at >= :since"
    platform_sql(platform, "photo", query, {"since": since})


def portrait_file(directory: Path, name: str, size: tuple[int, int] = VALID_SIZE) -> Path:
    path = directory / name
    path.write_bytes(jpeg(portrait(*size)))
    return path


def parent_sign_in(page: Page, pupil: dict, answer: str) -> None:
    page.get_by_label("学籍副号").fill(pupil["local_number"])
    page.get_by_label("学生姓名").fill(pupil["name"])
    page.get_by_label("验证码").fill(answer)
    page.get_by_role("button", name="登录").click()


def upload(page: Page, path: Path) -> None:
    page.get_by_label("照片文件").set_input_files(str(path))
    page.get_by_role("button", name="上传并检查").click()


def image_width(page: Page, selector: str) -> int:
    """The loaded image's natural width: 0 when the browser could not load it."""
    page.wait_for_load_state("load")  # a click's navigation does not wait for the images
    return int(page.locator(selector).first.evaluate("img => img.complete && img.naturalWidth"))
