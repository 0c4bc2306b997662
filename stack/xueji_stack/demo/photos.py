"""The photo demo for `xueji up`, made through the photo API like the transfer demo: an open
collection window at 青浦区, some pupils of 上海市青浦区金泽小学 with an accepted photo (a
generated portrait uploaded by the school's registrar), the others still missing one, a parent
login (学籍副号 + name) for a pupil without a photo, and a fresh registration code for the
school's teachers.

Idempotent: once the photos exist nothing is done again, and the summary is read from the
photo database. The registration code then is not shown again (only its hash is kept, and
issuing a new one on every start would void the one a school was given): `qingpu.county`
issues a new one at the console's /photos/county.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import httpx
from sqlalchemy import func, select

from xueji_common.db import Database
from xueji_photo.roster.tables import roster_pupils
from xueji_photo.roster.views import roster_query
from xueji_photo.schema import SCHEMA
from xueji_stack.demo.demo_calls import demo_call
from xueji_stack.demo.demo_logins import DemoLogins
from xueji_stack.demo.portraits import jpeg, portrait

SCHOOL = "2131000101"  # 上海市青浦区金泽小学 (Shanghai: the 272×354 px preset)
SCHOOL_NAME = "上海市青浦区金泽小学"
REGISTRAR = f"{SCHOOL}.registrar"
COUNTY = "qingpu.county"
COHORTS = ("grade_one_entrant", "graduating", "transferred_in", "missing_photo")
COLLECTED = 6  # pupils with an accepted photo; everyone else on the roster is missing one
WINDOW_DAYS = (-7, 60)  # the window opens a week ago and closes in two months
WAIT_SECONDS = 120.0
SHANGHAI_SIZE = (272, 354)


@dataclass(frozen=True)
class DemoPhotos:
    school_name: str
    collected: int
    missing: int
    parent_local_number: str
    parent_pupil_name: str
    registration_code: str | None  # None: issued on an earlier start, not shown again


def china_today() -> date:
    return (datetime.now(UTC) + timedelta(hours=8)).date()


async def _roster(photo: httpx.AsyncClient, headers: dict[str, str], **params: object) -> dict:
    return await demo_call(
        photo, "GET", f"/v1/schools/{SCHOOL}/photo-roster", headers, params={"limit": 200, **params}
    )


async def _settled_roster(photo: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """Until the roster consumer has the school's pupils from the registry's events: the count
    is above zero and stays put for a second."""
    loop = asyncio.get_running_loop()
    deadline, last = loop.time() + WAIT_SECONDS, -1
    while loop.time() < deadline:
        answer = await photo.get(
            f"/v1/schools/{SCHOOL}/photo-roster", params={"limit": 1}, headers=headers
        )
        total = answer.json()["total"] if answer.status_code == 200 else 0
        if total and total == last:
            return
        last = total
        await asyncio.sleep(1.0)
    raise RuntimeError(f"demo photo: the roster of {SCHOOL} did not fill within {WAIT_SECONDS} s")


async def _open_windows(photo: httpx.AsyncClient, headers: dict[str, str]) -> None:
    today = china_today()
    body = {
        "opens_on": (today + timedelta(days=WINDOW_DAYS[0])).isoformat(),
        "closes_on": (today + timedelta(days=WINDOW_DAYS[1])).isoformat(),
    }
    for cohort in COHORTS:
        await demo_call(photo, "PUT", f"/v1/photo-windows/{cohort}", headers, json=body)


async def _collect(photo: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """Uploads until COLLECTED pupils have a photo (none again on a second run)."""
    everyone = await _roster(photo, headers)
    missing = await _roster(photo, headers, without_photo="true")
    wanted = COLLECTED - (everyone["total"] - missing["total"])
    data = jpeg(portrait(*SHANGHAI_SIZE))
    for pupil in missing["items"][: max(wanted, 0)]:
        files = {"file": ("portrait.jpg", data, "image/jpeg")}
        await demo_call(
            photo, "POST", f"/v1/pupils/{pupil['national_number']}/photo", headers, files=files
        )


async def _seed_over_http(photo_url: str, registry_url: str, password: str) -> str:
    """Windows, uploads and a registration code through the API; the code."""
    async with (
        httpx.AsyncClient(base_url=photo_url, timeout=60) as photo,
        httpx.AsyncClient(base_url=registry_url, timeout=60) as registry,
    ):
        logins = DemoLogins(registry, password)
        county, school = await logins.headers(COUNTY), await logins.headers(REGISTRAR)
        await _open_windows(photo, county)
        await _settled_roster(photo, school)
        await _collect(photo, school)
        code = await demo_call(photo, "POST", f"/v1/schools/{SCHOOL}/registration-code", county)
    return str(code["registration_code"])


async def _count(db: Database, *, without_photo: bool) -> int:
    query = roster_query(SCHOOL, without_photo=without_photo)
    async with db.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def _parent(db: Database) -> tuple[str, str]:
    """The first pupil without a photo the school's page lists last (the uploads above take
    the first ones), with a 学籍副号."""
    t = roster_pupils
    query = roster_query(SCHOOL, without_photo=True).where(t.c.local_number.is_not(None))
    async with db.sessions() as session:
        row = (
            await session.execute(
                query.order_by(t.c.grade.desc(), t.c.national_number.desc()).limit(1)
            )
        ).one()
    return str(row.local_number), str(row.name)


async def seed_demo_photos(
    *, database_url: str, photo_url: str, registry_url: str, password: str
) -> DemoPhotos:
    db = Database(database_url, SCHEMA, pool_size=1)
    try:
        everyone = await _count(db, without_photo=False)
        missing = await _count(db, without_photo=True)
        code = None
        if everyone - missing < COLLECTED:
            code = await _seed_over_http(photo_url, registry_url, password)
            everyone = await _count(db, without_photo=False)
            missing = await _count(db, without_photo=True)
        local_number, name = await _parent(db)
    finally:
        await db.dispose()
    return DemoPhotos(
        school_name=SCHOOL_NAME, collected=everyone - missing, missing=missing,
        parent_local_number=local_number, parent_pupil_name=name, registration_code=code,
    )  # fmt: skip
