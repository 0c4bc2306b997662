"""What `make up` runs: the four service processes on the real infrastructure, with demo data."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import httpx
import pytest
from sqlalchemy import text

from tests.integration.harness import demo_platform
from xueji_common.db import Database
from xueji_stack.demo.photos import COLLECTED, SCHOOL, china_today
from xueji_stack.demo.registry import DEMO_PASSWORD
from xueji_stack.infrastructure import Infrastructure
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def platform(infrastructure: Infrastructure) -> Iterator[Platform]:
    with demo_platform(infrastructure, "xueji-test-platform-") as running:
        yield running


def test_every_service_is_ready_with_its_dependencies(platform: Platform) -> None:
    for spec in platform.services:
        response = httpx.get(f"{spec.url}/readyz")
        assert response.status_code == 200, (spec.name, response.text)
        # The workers talk to Temporal and their database (the export one to its bucket too),
        # not to Kafka; the console only to the services' APIs.
        needs = {
            "transfer-worker": {"database", "temporal"},
            "export-worker": {"database", "temporal", "object_storage"},
            "console": {"registry", "transfer", "photo", "export"},
        }.get(spec.name, {"database", "broker"})
        assert set(response.json()["checks"]) >= needs
        metrics = httpx.get(f"{spec.url}/metrics").text
        assert "xueji_http_requests_total" in metrics


def test_demo_logins_work_and_are_scoped(platform: Platform) -> None:
    registry = platform.services[0].url
    assert {login.username for login in platform.logins} >= {"nation.operator", "qingpu.county"}
    token = httpx.post(
        f"{registry}/v1/auth/token", json={"username": "qingpu.county", "password": DEMO_PASSWORD}
    ).json()["access_token"]
    units = httpx.get(f"{registry}/v1/org-units", headers={"Authorization": f"Bearer {token}"})
    codes = {unit["code"] for unit in units.json()}
    assert "310118" in codes and "2131000101" in codes and "310104" not in codes


def test_a_second_start_keeps_the_data_and_seeds_nothing_twice(platform: Platform) -> None:
    # The running services' own ports: the export demo asks the registry and export APIs
    # whether its application is already there.
    ports = {spec.name: spec.port for spec in platform.services}
    again = Platform(
        platform.state_dir, infrastructure=platform.infrastructure, service_ports=ports
    )
    logins = asyncio.run(again._seed())
    assert [login.username for login in logins] == [login.username for login in platform.logins]


def test_demo_org_events_reach_every_other_service(platform: Platform) -> None:
    url = platform.env()["XUEJI_DATABASE_URL"].replace("postgresql://", "postgresql+asyncpg://")

    async def replicated(schema: str) -> bool:
        db = Database(url, schema, pool_size=1)
        try:
            async with db.sessions() as session:
                found = await session.scalar(
                    text(f"SELECT count(*) FROM {schema}.org_units WHERE code = '5137000301'")
                )
        finally:
            await db.dispose()
        return found == 1

    async def diagnosis() -> str:
        db = Database(url, "registry", pool_size=1)
        try:
            async with db.sessions() as session:
                unpublished = await session.scalar(
                    text("SELECT count(*) FROM registry.outbox WHERE published_at IS NULL")
                )
                holders = await session.scalar(
                    text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
                )
        finally:
            await db.dispose()
        return f"registry outbox unpublished={unpublished}, advisory locks held={holders}"

    async def all_replicated() -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 90
        pending = {"transfer", "photo", "export"}
        while pending and loop.time() < deadline:
            pending = {schema for schema in pending if not await replicated(schema)}
            await asyncio.sleep(0.2)
        assert not pending, f"org events never reached {sorted(pending)}; {await diagnosis()}"

    asyncio.run(all_replicated())


def test_the_photo_demo_has_photos_missing_ones_an_open_window_a_parent_and_a_code(
    platform: Platform,
) -> None:
    photos = platform.demo_photos
    assert photos is not None
    assert photos.collected >= COLLECTED and photos.missing > 0
    urls = platform.urls()

    def bearer(username: str) -> dict[str, str]:
        token = httpx.post(
            f"{urls['registry']}/v1/auth/token",
            json={"username": username, "password": DEMO_PASSWORD},
        ).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    registrar = bearer(f"{SCHOOL}.registrar")
    listed: list[dict] = []
    while not listed or len(listed) % 200 == 0:
        page = httpx.get(
            f"{urls['photo']}/v1/schools/{SCHOOL}/photo-roster",
            params={"limit": 200, "offset": len(listed)}, headers=registrar,
        ).json()["items"]  # fmt: skip
        listed += page
        if not page:
            break
    with_photo = [pupil for pupil in listed if pupil["has_photo"]]
    assert len(with_photo) == photos.collected
    image = httpx.get(
        f"{urls['photo']}/v1/pupils/{with_photo[0]['national_number']}/photo/image",
        headers=registrar,
    )
    assert image.status_code == 200 and image.content[:2] == b"\xff\xd8"
    parent = [p for p in listed if p["local_number"] == photos.parent_local_number]
    assert [(p["name"], p["has_photo"]) for p in parent] == [(photos.parent_pupil_name, False)]

    today = china_today().isoformat()
    windows = httpx.get(f"{urls['photo']}/v1/photo-windows", headers=registrar).json()
    assert {w["cohort"] for w in windows if w["opens_on"] <= today <= w["closes_on"]} >= {
        "grade_one_entrant", "graduating",
    }  # fmt: skip
    code = httpx.get(
        f"{urls['photo']}/v1/schools/{SCHOOL}/registration-code", headers=bearer("qingpu.county")
    ).json()
    # Printed by the first seeding only (this database may have been seeded by another module).
    assert code["live"]


def test_the_export_demo_is_approved_downloadable_and_its_audit_chain_verifies(
    platform: Platform,
) -> None:
    demo = platform.demo_export
    assert demo is not None and demo.chain_intact
    urls = platform.urls()
    bearer = _bearer(urls["registry"])

    application = f"{urls['export']}/v1/export-applications/{demo.application_id}"
    handler = bearer(demo.handler)
    assert httpx.get(application, headers=handler).json()["state"] == "ready"
    link = httpx.post(f"{application}/download-link", headers=handler)
    assert link.status_code == 201, link.text
    file = httpx.get(link.json()["url"])
    assert file.status_code == 200 and file.content.startswith(b"PK")  # an xlsx (a zip)
    # Anyone but the handler is refused the link.
    assert httpx.post(f"{application}/download-link", headers=bearer("xuhui.county")).is_error
    verification = httpx.get(
        f"{urls['export']}/v1/provinces/31/export-audit/verification",
        headers=bearer("sh.province"),
    ).json()
    assert verification["intact"] and verification["findings"] == []


def _bearer(registry: str) -> Callable[[str], dict[str, str]]:
    def bearer(username: str) -> dict[str, str]:
        token = httpx.post(
            f"{registry}/v1/auth/token", json={"username": username, "password": DEMO_PASSWORD}
        ).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    return bearer
