"""Finding a pupil by number uses indexes only: the table holds every pupil in the country."""

from __future__ import annotations

import pytest

from tests.integration.query_plans import scanned_tables
from xueji_common.db import Database
from xueji_registry.platform_api.finding import find_pupil

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "number", ["G110101201001011234", "J3101041201000001", "110101201001011234"]
)
async def test_a_lookup_never_scans_the_pupils_table(registry_db: Database, number: str) -> None:
    async with registry_db.sessions() as session:
        scans = await scanned_tables(session, lambda s: find_pupil(s, number))
    assert scans == []
