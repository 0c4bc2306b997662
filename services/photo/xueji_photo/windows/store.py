"""Reading and setting collection windows."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, literal, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_photo.windows.rule import Window, nearest_window
from xueji_photo.windows.tables import collection_windows as table


def _window(row: object) -> Window:
    return Window(row.unit_code, row.scope_path, row.cohort, row.opens_on, row.closes_on)  # type: ignore[attr-defined]


async def window_for(session: AsyncSession, pupil_scope: str, cohort: str) -> Window | None:
    """The cohort's window nearest up the pupil's organisation path."""
    rows = await session.execute(
        select(table).where(
            table.c.cohort == cohort,
            literal(pupil_scope).startswith(table.c.scope_path),
        )
    )
    return nearest_window([_window(row) for row in rows], pupil_scope, cohort)


async def set_window(
    session: AsyncSession, setter: Principal, cohort: str, opens_on: date, closes_on: date
) -> Window:
    """The setter's own unit's window for the cohort, replacing an earlier one."""
    values = {
        "unit_code": setter.unit_code,
        "cohort": cohort,
        "scope_path": setter.scope,
        "opens_on": opens_on,
        "closes_on": closes_on,
        "set_by": setter.account_id,
        "set_at": datetime.now(UTC),
    }
    statement = insert(table).values(values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.unit_code, table.c.cohort],
            set_={k: statement.excluded[k] for k in ("opens_on", "closes_on", "set_by", "set_at")},
        )
    )
    return Window(setter.unit_code, setter.scope, cohort, opens_on, closes_on)


async def visible_windows(session: AsyncSession, caller: Principal) -> list[Window]:
    """The windows that apply to the caller's unit (set above it) or were set inside it."""
    rows = await session.execute(
        select(table)
        .where(
            or_(
                literal(caller.scope).startswith(table.c.scope_path),
                table.c.scope_path.startswith(caller.scope),
            )
        )
        .order_by(func.length(table.c.scope_path), table.c.cohort)
    )
    return [_window(row) for row in rows]
