"""Organisation units and schools: reads scoped to the caller, changes with their events."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role, UnitKind, scope_path
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.orgs import events
from xueji_registry.orgs.model import OrgUnit, new_unit, normalise_unit_name
from xueji_registry.orgs.schemas import SchoolCreate, SchoolRead, UnitCreate, UnitRead, UnitUpdate
from xueji_registry.orgs.tables import org_units, schools

OFFICERS = (
    Role.NATIONAL_OPERATOR,
    Role.PROVINCE_OFFICER,
    Role.CITY_OFFICER,
    Role.COUNTY_OFFICER,
)


def _unit(row: object) -> OrgUnit:
    return OrgUnit(
        code=row.code,
        kind=UnitKind(row.kind),
        name=row.name,
        parent_code=row.parent_code,
        path=tuple(row.scope_path.strip("/").split("/")),
        docking=row.docking,
    )


async def find_unit(session: AsyncSession, code: str) -> OrgUnit | None:
    row = (await session.execute(select(org_units).where(org_units.c.code == code))).first()
    return _unit(row) if row else None


async def visible_unit(session: AsyncSession, principal: Principal, code: str) -> OrgUnit:
    """A unit the caller may see: inside its scope, or one of its own ancestors."""
    unit = await find_unit(session, code)
    if unit is None or not (principal.covers(scope_path(unit.path)) or code in principal.unit_path):
        raise DomainError(errors.NOT_FOUND, field="code")
    return unit


async def _parent_for_change(session: AsyncSession, actor: Principal, parent_code: str) -> OrgUnit:
    if actor.role not in OFFICERS:
        raise DomainError(errors.FORBIDDEN)
    parent = await find_unit(session, parent_code)
    if parent is None or not actor.covers(scope_path(parent.path)):
        raise DomainError(errors.NOT_FOUND, field="parent_code")
    return parent


async def _insert_unit(session: AsyncSession, unit: OrgUnit) -> None:
    if await find_unit(session, unit.code) is not None:
        raise DomainError(error_codes.ORG_UNIT_EXISTS, field="code", detail=unit.code)
    await session.execute(
        insert(org_units).values(
            code=unit.code,
            kind=unit.kind.value,
            name=unit.name,
            parent_code=unit.parent_code,
            scope_path=scope_path(unit.path),
            docking=unit.docking,
        )
    )


async def create_unit(uow: UnitOfWork, actor: Principal, data: UnitCreate) -> UnitRead:
    parent = await _parent_for_change(uow.session, actor, data.parent_code)
    if parent.kind is UnitKind.COUNTY:
        raise DomainError(
            error_codes.ORG_UNIT_KIND_INVALID, field="parent_code", detail="学校请通过学校接口创建"
        )
    unit = new_unit(data.code, data.name, parent)
    if unit.kind is UnitKind.PROVINCE:
        unit = OrgUnit(**{**unit.__dict__, "docking": data.docking})
    await _insert_unit(uow.session, unit)
    uow.publish(events.org_unit_created(unit, actor, version=1))
    await uow.commit()
    return UnitRead.of(unit, version=1)


async def create_school(uow: UnitOfWork, actor: Principal, data: SchoolCreate) -> SchoolRead:
    county = await _parent_for_change(uow.session, actor, data.county_code)
    if county.kind is not UnitKind.COUNTY:
        raise DomainError(error_codes.ORG_UNIT_KIND_INVALID, field="county_code")
    unit = new_unit(data.code, data.full_name, county)
    school = SchoolRead.of(unit, data, version=1)
    await _insert_unit(uow.session, unit)
    await uow.session.execute(
        insert(schools).values(
            code=unit.code,
            full_name=unit.name,
            county_code=county.code,
            category=unit.code[:2],
            stages=list(school.stages),
            special_education=school.special_education,
        )
    )
    uow.publish(events.school_created(school, actor))
    await uow.commit()
    return school


async def update_unit(uow: UnitOfWork, actor: Principal, code: str, data: UnitUpdate) -> UnitRead:
    unit = await visible_unit(uow.session, actor, code)
    if actor.role not in OFFICERS or not actor.covers(scope_path(unit.path)):
        raise DomainError(errors.FORBIDDEN)
    if data.docking is not None and (
        unit.kind is not UnitKind.PROVINCE or actor.role is not Role.NATIONAL_OPERATOR
    ):
        raise DomainError(errors.FORBIDDEN, field="docking")
    changes: dict[str, object] = {}
    if data.name is not None:
        changes["name"] = normalise_unit_name(data.name)
    if data.docking is not None:
        changes["docking"] = data.docking
    row = (
        await uow.session.execute(
            update(org_units)
            .where(org_units.c.code == code)
            .values(**changes, version=org_units.c.version + 1, updated_at=func.now())
            .returning(org_units)
        )
    ).one()
    updated = _unit(row)
    if unit.kind is UnitKind.SCHOOL and "name" in changes:
        await uow.session.execute(
            update(schools).where(schools.c.code == code).values(full_name=changes["name"])
        )
        uow.publish(events.school_updated(await get_school(uow.session, code, row.version), actor))
    else:
        uow.publish(events.org_unit_updated(updated, actor, version=row.version))
    await uow.commit()
    return UnitRead.of(updated, version=row.version)


async def unit_version(session: AsyncSession, code: str) -> int:
    return int(await session.scalar(select(org_units.c.version).where(org_units.c.code == code)))


async def get_school(session: AsyncSession, code: str, version: int) -> SchoolRead:
    row = (
        await session.execute(
            select(schools, org_units.c.scope_path, org_units.c.name)
            .join(org_units, org_units.c.code == schools.c.code)
            .where(schools.c.code == code)
        )
    ).one()
    return SchoolRead(
        code=row.code,
        full_name=row.full_name,
        county_code=row.county_code,
        category=row.category,
        stages=list(row.stages),
        special_education=row.special_education,
        path=row.scope_path.strip("/").split("/"),
        version=version,
    )


async def list_units(
    session: AsyncSession,
    principal: Principal,
    *,
    parent_code: str | None,
    kind: UnitKind | None,
    limit: int,
    offset: int,
) -> Sequence[UnitRead]:
    query = select(org_units).where(org_units.c.scope_path.startswith(principal.scope))
    if parent_code is not None:
        query = query.where(org_units.c.parent_code == parent_code)
    if kind is not None:
        query = query.where(org_units.c.kind == kind.value)
    rows = (
        await session.execute(query.order_by(org_units.c.code).limit(limit).offset(offset))
    ).all()
    return [UnitRead.of(_unit(row), version=row.version) for row in rows]
