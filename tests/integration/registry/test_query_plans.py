"""Reads that run for every lookup or list use indexes: the tables hold every pupil, school and
account in the country."""

from __future__ import annotations

import pytest

from tests.integration.query_plans import scanned_tables
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_registry.accounts.service import list_accounts
from xueji_registry.platform_api.finding import find_pupil

pytestmark = pytest.mark.integration

OPERATOR = Principal("plan-test", "运维", Role.NATIONAL_OPERATOR, "CN", UnitKind.NATION, ("CN",))


@pytest.mark.parametrize(
    "number", ["G110101201001011234", "J3101041201000001", "110101201001011234"]
)
async def test_a_lookup_never_scans_the_pupils_table(registry_db: Database, number: str) -> None:
    async with registry_db.sessions() as session:
        scans = await scanned_tables(session, lambda s: find_pupil(s, number))
    assert scans == []


async def test_a_units_accounts_are_listed_from_the_unit_index(registry_db: Database) -> None:
    async with registry_db.sessions() as session:
        scans = await scanned_tables(session, lambda s: list_accounts(s, OPERATOR, "CN"))
    assert scans == []
