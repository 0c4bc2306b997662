"""The console in real headless Chromium, on `make up`'s platform (demo data included).

Debian's chromium, driven by Playwright (its own browser download is never used). Every step
of a test saves a screenshot under test-artifacts/screenshots/<test>/<step>.png.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.integration.harness import demo_platform
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"


@pytest.fixture(scope="module")
def platform(infrastructure: Infrastructure) -> Iterator[Platform]:
    with demo_platform(infrastructure, "xueji-test-console-") as running:
        yield running


@pytest.fixture(scope="module")
def console_url(platform: Platform) -> str:
    return platform.urls()["console"]


@pytest.fixture(scope="module")
def browser(platform: Platform) -> Iterator[Browser]:
    # After the platform: Playwright's sync API keeps an event loop running in this thread,
    # and the platform's start runs its own.
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Browser, console_url: str) -> Iterator[BrowserContext]:
    opened = browser.new_context(
        base_url=console_url, locale="zh-CN", viewport={"width": 1280, "height": 860}
    )
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


class Screenshots:
    """Saves numbered step screenshots of one test and prints where they are."""

    def __init__(self, page: Page, test_name: str) -> None:
        self._page = page
        self._dir = ARTIFACTS / re.sub(r"[^\w.-]+", "_", test_name)
        self._dir.mkdir(parents=True, exist_ok=True)
        for old in self._dir.glob("*.png"):
            old.unlink()
        self._count = 0

    def step(self, name: str) -> Path:
        self._count += 1
        path = self._dir / f"{self._count:02d}-{name}.png"
        self._page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path


@pytest.fixture
def shots(page: Page, request: pytest.FixtureRequest) -> Screenshots:
    return Screenshots(page, request.node.name)
