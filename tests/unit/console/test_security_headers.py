"""Every response carries the strict CSP; pages are never cached, the stylesheet may be."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from xueji_console.security_headers import CONTENT_SECURITY_POLICY, SecurityHeaders


async def get(path: str) -> httpx.Response:
    async def answer(_: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/pupils", answer), Route("/static/console.css", answer)])
    transport = httpx.ASGITransport(app=SecurityHeaders(app))
    async with httpx.AsyncClient(transport=transport, base_url="http://console") as client:
        return await client.get(path)


async def test_pages_get_the_policy_and_no_caching() -> None:
    headers = (await get("/pupils")).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"


async def test_the_stylesheet_gets_the_policy_and_may_be_cached() -> None:
    headers = (await get("/static/console.css")).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "cache-control" not in headers


async def test_a_missing_page_is_covered_too() -> None:
    response = await get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
