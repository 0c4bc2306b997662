"""The demo data of `make up`: about 1,000 valid pupils per province, a few deliberate
problem records, the transfer service's account; a second seeding changes nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from xueji_common.auth.principal import Role
from xueji_common.db import Database
from xueji_registry.accounts.service import authenticate
from xueji_registry.domain.id_number import check_id_number
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.tables import pupils
from xueji_registry.schema import outbox
from xueji_stack.demo.registry import seed_demo

pytestmark = pytest.mark.integration

SERVICE_PASSWORD = "Transfer-service-2026"


# The demo's two provinces; other suites of the session have pupils elsewhere (e.g. in 36).
IN_DEMO = pupils.c.scope_path.like("/CN/31/%") | pupils.c.scope_path.like("/CN/37/%")


async def _snapshot(db: Database) -> tuple[int, int]:
    async with db.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(pupils).where(IN_DEMO))
        events = await session.scalar(select(func.count()).select_from(outbox))
    return int(count or 0), int(events or 0)


async def test_demo_pupils_are_realistic_and_seeded_once(registry_db: Database) -> None:
    await seed_demo(registry_db, service_password=SERVICE_PASSWORD)
    first = await _snapshot(registry_db)
    async with registry_db.sessions() as session:
        rows = (
            await session.execute(
                select(
                    pupils.c.scope_path,
                    pupils.c.name,
                    pupils.c.id_number,
                    pupils.c.national_number,
                    pupils.c.problem_reasons,
                    pupils.c.registration_state,
                    pupils.c.suspect_key,
                ).where(IN_DEMO)
            )
        ).all()
        principal = await authenticate(session, "svc.transfer", SERVICE_PASSWORD)
    assert principal.role is Role.PLATFORM_SERVICE and principal.unit_code == "CN"
    provinces = Counter(row.scope_path.split("/")[2] for row in rows)
    assert 950 <= provinces["31"] <= 1050 and 950 <= provinces["37"] <= 1050
    reasons = Counter(r["code"] for row in rows for r in row.problem_reasons)
    for code in ("ID_NUMBER_CHECK_DIGIT", "UNDER_AGE_GRADE1", "GENDER_MISMATCH"):
        assert reasons[code] == 2, reasons
    assert reasons["ID_NUMBER_DUPLICATE"] == 2
    problems = [row for row in rows if row.problem_reasons]
    assert len(problems) == 8
    today = china_today()
    for row in rows:
        if not row.problem_reasons and row.id_number:
            assert check_id_number(row.id_number, today=today) == []
            assert row.national_number == "G" + row.id_number
    assert any(ord(ch) > 0xFFFF for row in rows for ch in row.name)
    assert Counter(row.registration_state for row in rows)["registered"] > 1000
    unidentified = Counter(row.suspect_key for row in rows if not row.id_number)
    assert sorted(unidentified.values()) == [2, 2]

    await seed_demo(registry_db, service_password=SERVICE_PASSWORD)
    assert await _snapshot(registry_db) == first
