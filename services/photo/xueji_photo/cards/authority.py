"""Who produces and reads card batches and graduation lists of a unit (pure, plus the lookup).

The authority over a unit (its county, city or province bureau, or one above) produces them;
school staff read those made for their own school.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Column, Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.errors import DomainError, ErrorCode
from xueji_common.org_replica import OrgRecord, OrgReplica
from xueji_photo import error_codes
from xueji_photo.access import SCHOOL_UPLOADERS, SEE_ALL, WINDOW_SETTERS, Caller


def may_produce(caller: Caller, unit_scope: str) -> bool:
    return caller.role in WINDOW_SETTERS and caller.covers(unit_scope)


def may_read(caller: Caller, unit_scope: str) -> bool:
    own_school = caller.role in SCHOOL_UPLOADERS and caller.scope == unit_scope
    return own_school or caller.role in SEE_ALL or may_produce(caller, unit_scope)


async def unit_for(
    session: AsyncSession, orgs: OrgReplica, caller: Caller, code: str, *, producing: bool
) -> OrgRecord:
    """The unit, if the caller may read its lists (and produce them, when `producing`); a
    stranger learns nothing of the unit."""
    unit = await orgs.find(session, code)
    if unit is None or not may_read(caller, unit.scope):
        raise DomainError(error_codes.PHOTO_UNIT_NOT_FOUND)
    if producing and not may_produce(caller, unit.scope):
        raise DomainError(errors.FORBIDDEN)
    return unit


async def unit_rows(
    session: AsyncSession, orgs: OrgReplica, caller: Caller, code: str, newest: Column
) -> list[dict]:
    """The rows a table of batches or lists holds for the unit, newest first."""
    unit = await unit_for(session, orgs, caller, code, producing=False)
    table = newest.table
    rows = await session.execute(
        select(table).where(table.c.unit_code == unit.code).order_by(newest.desc())
    )
    return [dict(row) for row in rows.mappings()]


async def visible_row(
    session: AsyncSession, table: Table, row_id: uuid.UUID, caller: Caller, missing: ErrorCode
) -> dict:
    """One batch or list by id, if the caller may read its unit's; `missing` otherwise."""
    row = (await session.execute(select(table).where(table.c.id == row_id))).mappings().first()
    if row is None or not may_read(caller, row["scope_path"]):
        raise DomainError(missing)
    return dict(row)
