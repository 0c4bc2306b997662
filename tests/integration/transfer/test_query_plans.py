"""The transfer lists ops and bureaus open every day use indexes, not a read of every transfer."""

from __future__ import annotations

import pytest

from tests.integration.query_plans import scanned_tables
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.world import principal
from xueji_common.auth.principal import Role
from xueji_transfer.transfers import queries

pytestmark = pytest.mark.integration


async def test_overdue_steps_across_the_country_come_from_the_overdue_index(stack: Stack) -> None:
    operator = principal(Role.NATIONAL_OPERATOR, ("CN",))
    async with stack.db.sessions() as session:
        scans = await scanned_tables(session, lambda s: queries.overdue_steps(s, operator))
        listed = await scanned_tables(
            session,
            lambda s: queries.list_transfers(
                s, operator, state=None, step=None, overdue=True, limit=50, offset=0
            ),
        )
    assert scans == [] and listed == [], (scans, listed)
