"""Finding a pupil by number uses indexes only: the table holds every pupil in the country."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from xueji_common.db import Database
from xueji_registry.platform_api.finding import lookup_query

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    "number", ["G110101201001011234", "J3101041201000001", "110101201001011234"]
)
async def test_a_lookup_never_scans_the_pupils_table(registry_db: Database, number: str) -> None:
    sql = lookup_query(number).compile(
        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
    )
    async with registry_db.engine.connect() as connection:
        # With scans priced out, a plan that still scans has no index way to the rows.
        await connection.execute(text("SET LOCAL enable_seqscan = off"))
        plan = "\n".join((await connection.execute(text(f"EXPLAIN {sql}"))).scalars())
    assert "Seq Scan" not in plan, plan
