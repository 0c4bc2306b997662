"""Publishing a year's holidays: operator only, and open transfers recompute provisional
deadlines (SPEC §5: a deadline in an unpublished year counts Mon–Fri until published)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from tests.integration.harness import eventually
from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.flows import detail, file, until
from tests.integration.transfer.world import new_pupil
from xueji_common.calendar import SHANGHAI
from xueji_common.calendar.state_council import chinese_calendar_working_calendar, known_years
from xueji_transfer.rules.model import ProvinceRules
from xueji_transfer.rules.store import set_rules
from xueji_transfer.rules.tables import province_rules
from xueji_transfer.transfers.tables import timeline

pytestmark = pytest.mark.integration

PROVINCES = ("41", "43")


def _days_into_unpublished_year() -> int:
    """A school limit long enough that a step opened today is due in an unpublished year."""
    today = datetime.now(SHANGHAI).date()
    first_unpublished = date(max(known_years()) + 1, 1, 8)
    if today >= first_unpublished:
        return 5
    calendar, day, count = chinese_calendar_working_calendar(), today, 0
    while day < first_unpublished:
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


@pytest.fixture
async def long_school_limit(stack: Stack) -> AsyncIterator[int]:
    days = _days_into_unpublished_year()
    async with stack.db.sessions() as session, session.begin():
        for code in PROVINCES:
            await set_rules(session, code, ProvinceRules(school_working_days=days), note="测试")
    yield days
    async with stack.db.sessions() as session, session.begin():
        await session.execute(
            delete(province_rules).where(province_rules.c.province_code.in_(PROVINCES))
        )


async def test_publishing_a_year_recomputes_open_provisional_deadlines(
    stack: Stack, ids: IdFactory, long_school_limit: int
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    transfer_id = (await file(api, people, pupil, "zy1", "43")).json()["id"]
    opened = (await until(api, people.operator, transfer_id, step="receiving_school"))["steps"][0]
    assert opened["provisional"] is True
    due = datetime.fromisoformat(opened["deadline"]).astimezone(SHANGHAI).date()
    year = due.year
    assert (await api.get(f"/v1/calendar/{year}", headers=people.registrar("zy1"))).json()[
        "published"
    ] is False

    holidays = sorted({due, date(year, 1, 1)})
    body = {"holidays": [d.isoformat() for d in holidays], "make_up_days": []}
    refused = await api.put(f"/v1/calendar/{year}", json=body, headers=people.county("zy1"))
    assert refused.status_code == 403
    weekday_make_up = {"holidays": [], "make_up_days": [f"{year}-01-05"]}
    invalid = await api.put(f"/v1/calendar/{year}", json=weekday_make_up, headers=people.operator)
    assert invalid.status_code == 422 and invalid.json()["code"] == "CALENDAR_INVALID"
    published = await api.put(f"/v1/calendar/{year}", json=body, headers=people.operator)
    assert published.status_code == 200, published.text
    assert published.json()["published"] is True and published.json()["signalled_cases"] >= 1

    recomputed = opened
    for _ in range(200):
        recomputed = (await detail(api, people.operator, transfer_id))["steps"][0]
        if not recomputed["provisional"]:
            break
        await asyncio.sleep(0.05)
    assert recomputed["provisional"] is False
    assert datetime.fromisoformat(recomputed["deadline"]) > datetime.fromisoformat(
        opened["deadline"]
    )

    async def recorded() -> bool:
        async with stack.db.sessions() as session:
            kinds = await session.scalars(
                select(timeline.c.type).where(timeline.c.transfer_id == transfer_id)
            )
            return "transfer.deadline_recomputed" in set(kinds)

    await eventually(recorded)
    read = (await api.get(f"/v1/calendar/{year}", headers=people.registrar("zy1"))).json()
    assert read["source"] == "operator" and read["holidays"] == [d.isoformat() for d in holidays]
    seeded = (await api.get("/v1/calendar/2026", headers=people.registrar("zy1"))).json()
    assert seeded["source"] == "chinese_calendar" and "2026-10-01" in seeded["holidays"]
