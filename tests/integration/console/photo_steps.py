"""What the photo page tests share: the demo school's roster, the captcha's answer from the
photo database, portraits as files, and the form steps."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from pathlib import Path

import httpx
from playwright.sync_api import BrowserContext, Page
from sqlalchemy import text

from tests.integration.console.test_console_pages import api_token
from xueji_common.db import Database
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


def photo_sql(platform: Platform, query: str, params: dict[str, object]) -> object:
    """One statement on the photo database, committed; its first value, if it returns rows.
    Playwright's sync API runs an event loop in the test's thread, so it runs in another."""
    url = platform.env()["XUEJI_DATABASE_URL"].replace("postgresql://", "postgresql+asyncpg://")
    found: list[object] = []

    async def read() -> None:
        db = Database(url, "photo", pool_size=1)
        try:
            async with db.sessions() as session, session.begin():
                result = await session.execute(text(query), params)
                found.append(result.scalar() if result.returns_rows else None)
        finally:
            await db.dispose()

    worker = threading.Thread(target=lambda: asyncio.run(read()))
    worker.start()
    worker.join()
    return found[0]


def captcha_answer(platform: Platform, context: BrowserContext) -> str:
    """The answer of the captcha this browser was shown last: stored server-side only, so read
    from the photo service's table by the id in the browser's (HttpOnly) cookie."""
    captcha_id = {c["name"]: c["value"] for c in context.cookies()}["xueji_captcha"]
    query = "SELECT answer FROM photo.captchas WHERE id = CAST(:id AS uuid)"
    return str(photo_sql(platform, query, {"id": captcha_id}))


def forget_failed_sign_ins(platform: Platform, since: datetime) -> None:
    """The photo schema is shared by the session's test modules, and every browser here signs
    in from 127.0.0.1: failures left behind would lock that address out for the others."""
    query = "DELETE FROM photo.failed_sign_ins WHERE failed_at >= :since"
    photo_sql(platform, query, {"since": since})


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
