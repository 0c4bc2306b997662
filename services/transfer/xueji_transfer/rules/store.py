"""Reading and setting province rules; a province without a row follows the national defaults."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_transfer.rules.model import NATIONAL_DEFAULTS, ProvinceRules
from xueji_transfer.rules.tables import province_rules


async def rules_for(session: AsyncSession, province_code: str) -> ProvinceRules:
    row = (
        await session.execute(
            select(province_rules).where(province_rules.c.province_code == province_code)
        )
    ).first()
    if row is None:
        return NATIONAL_DEFAULTS
    return ProvinceRules(
        no_transfer_while_suspended=row.no_transfer_while_suspended,
        no_transfer_under_discipline=row.no_transfer_under_discipline,
        same_grade_only=row.same_grade_only,
        no_transfer_in_graduating_year=row.no_transfer_in_graduating_year,
        graduating_grades=frozenset(row.graduating_grades),
        school_working_days=row.school_working_days,
        bureau_working_days=row.bureau_working_days,
    )


async def set_rules(
    session: AsyncSession, province_code: str, rules: ProvinceRules, note: str | None = None
) -> None:
    """Create or replace a province's rules (the caller commits)."""
    values = {**asdict(rules), "graduating_grades": sorted(rules.graduating_grades)}
    statement = insert(province_rules).values(province_code=province_code, note=note, **values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[province_rules.c.province_code],
            set_={**values, "note": note, "updated_at": func.now()},
        )
    )
