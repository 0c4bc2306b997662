"""Who may see and change which pupils: the caller's unit, and a class teacher's own classes."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.classes.tables import classes
from xueji_registry.orgs.tables import org_units, schools
from xueji_registry.pupils.rows import load_state
from xueji_registry.pupils.state import PupilState, SchoolRef
from xueji_registry.pupils.tables import pupils

SCHOOL_STAFF = (Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER, Role.CLASS_TEACHER)
BUREAUS = (Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER, Role.NATIONAL_OPERATOR)
READERS = (*SCHOOL_STAFF, *BUREAUS)
# Who enters and maintains pupil data; a class teacher only in their own classes.
EDITORS = (Role.SCHOOL_REGISTRAR, Role.CLASS_TEACHER)


def _teacher_of(principal: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(principal.account_id)
    except ValueError:
        return None


def teaches(principal: Principal, state: PupilState) -> bool:
    return (
        state.school_class is not None
        and state.school_class.teacher_account_id is not None
        and state.school_class.teacher_account_id == _teacher_of(principal)
    )


def visible_pupils(principal: Principal) -> ColumnElement[bool]:
    """The SQL condition selecting the pupils the caller may read."""
    if principal.role not in READERS:
        raise DomainError(errors.FORBIDDEN)
    in_scope = pupils.c.scope_path.startswith(principal.scope)
    if principal.role is not Role.CLASS_TEACHER:
        return in_scope
    own_classes = select(classes.c.id).where(classes.c.teacher_account_id == _teacher_of(principal))
    return and_(in_scope, pupils.c.class_id.in_(own_classes))


def may_read(principal: Principal, state: PupilState) -> bool:
    if principal.role not in READERS or not principal.covers(state.scope_path):
        return False
    return principal.role is not Role.CLASS_TEACHER or teaches(principal, state)


def may_change(principal: Principal, state: PupilState) -> bool:
    if principal.role is Role.SCHOOL_REGISTRAR:
        return principal.covers(state.scope_path)
    return principal.role is Role.CLASS_TEACHER and may_read(principal, state)


async def pupil_for_read(
    session: AsyncSession, principal: Principal, pupil_id: uuid.UUID
) -> PupilState:
    state = await load_state(session, pupil_id)
    if state is None or not may_read(principal, state):
        raise DomainError(errors.PUPIL_NOT_FOUND)
    return state


async def pupil_for_change(
    session: AsyncSession, principal: Principal, pupil_id: uuid.UUID
) -> PupilState:
    """The record locked for this transaction, if the caller may change it."""
    state = await load_state(session, pupil_id, lock=True)
    if state is None or not may_read(principal, state):
        raise DomainError(errors.PUPIL_NOT_FOUND)
    if not may_change(principal, state):
        raise DomainError(errors.FORBIDDEN)
    if state.deleted:
        raise DomainError(error_codes.PUPIL_DELETED)
    return state


async def pupil_for_decision(
    session: AsyncSession, principal: Principal, pupil_id: uuid.UUID
) -> PupilState:
    """The record locked for a bureau's decision; the bureau's unit must cover the school."""
    state = await load_state(session, pupil_id, lock=True)
    if state is None or principal.role not in BUREAUS or not principal.covers(state.scope_path):
        raise DomainError(errors.PUPIL_NOT_FOUND)
    if state.deleted:
        raise DomainError(error_codes.PUPIL_DELETED)
    return state


async def find_school(session: AsyncSession, code: str) -> SchoolRef | None:
    row = (
        await session.execute(
            select(schools, org_units.c.name, org_units.c.scope_path)
            .join(org_units, org_units.c.code == schools.c.code)
            .where(schools.c.code == code)
        )
    ).first()
    if row is None:
        return None
    return SchoolRef(
        code=row.code,
        name=row.name,
        path=tuple(row.scope_path.strip("/").split("/")),
        county_code=row.county_code,
        stages=frozenset(row.stages),
        special_education=row.special_education,
    )


async def school_for_change(session: AsyncSession, principal: Principal, code: str) -> SchoolRef:
    """The caller's own school, where it may enter pupils."""
    if principal.role not in EDITORS:
        raise DomainError(errors.FORBIDDEN)
    school = await find_school(session, code)
    if school is None or not principal.covers(school.scope_path):
        raise DomainError(errors.NOT_FOUND, field="school_code")
    return school
