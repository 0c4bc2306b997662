"""Creating classes (school registrar) and assigning pupils to them (分班)."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.accounts.tables import accounts
from xueji_registry.classes.lookup import class_ref, school_classes
from xueji_registry.classes.schemas import ClassCreate, ClassUpdate
from xueji_registry.classes.tables import classes
from xueji_registry.domain.code_tables import stage_from
from xueji_registry.domain.school_system import stage_grades
from xueji_registry.pupils.model import class_code, class_name
from xueji_registry.pupils.reading.access import READERS, find_school
from xueji_registry.pupils.state import ClassRef, SchoolRef


async def _registrars_school(session: AsyncSession, actor: Principal, code: str) -> SchoolRef:
    if actor.role is not Role.SCHOOL_REGISTRAR:
        raise DomainError(errors.FORBIDDEN)
    school = await find_school(session, code)
    if school is None or not actor.covers(school.scope_path):
        raise DomainError(errors.NOT_FOUND, field="school_code")
    return school


async def _check_teacher(session: AsyncSession, school: SchoolRef, account_id: uuid.UUID) -> None:
    row = (
        await session.execute(
            select(accounts.c.role, accounts.c.unit_code, accounts.c.active).where(
                accounts.c.id == account_id
            )
        )
    ).first()
    if row is None or row.role != Role.CLASS_TEACHER or row.unit_code != school.code:
        raise DomainError(error_codes.CLASS_TEACHER_INVALID, field="teacher_account_id")


def _check_grade(school: SchoolRef, grade: int) -> None:
    offered = (stage_from(s) for s in school.stages)
    if not any(s and grade in stage_grades(s, school.province_code) for s in offered):
        raise DomainError(error_codes.CLASS_GRADE_INVALID, field="grade", detail=str(grade))


async def create_class(uow: UnitOfWork, actor: Principal, data: ClassCreate) -> ClassRef:
    session = uow.session
    school = await _registrars_school(session, actor, data.school_code or actor.unit_code)
    _check_grade(school, data.grade)
    if data.teacher_account_id is not None:
        await _check_teacher(session, school, data.teacher_account_id)
    code = class_code(data.grade, data.number)
    taken = await session.scalar(
        select(classes.c.id).where(classes.c.school_code == school.code, classes.c.code == code)
    )
    if taken is not None:
        raise DomainError(error_codes.CLASS_EXISTS, field="number", detail=code)
    row = (
        await session.execute(
            insert(classes)
            .values(
                id=uuid.uuid4(),
                school_code=school.code,
                scope_path=school.scope_path,
                code=code,
                grade=data.grade,
                number=data.number,
                name=(data.name or class_name(data.grade, data.number)).strip(),
                teacher_account_id=data.teacher_account_id,
            )
            .returning(classes)
        )
    ).one()
    await uow.commit()
    return class_ref(row)


async def update_class(
    uow: UnitOfWork, actor: Principal, class_id: uuid.UUID, data: ClassUpdate
) -> ClassRef:
    """Rename a class or change its class teacher; pupils' events follow on their next change."""
    session = uow.session
    current = await class_for(session, actor, class_id)
    school = await _registrars_school(session, actor, current.school_code)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("teacher_account_id") is not None:
        await _check_teacher(session, school, changes["teacher_account_id"])
    if changes:
        await session.execute(update(classes).where(classes.c.id == class_id).values(**changes))
    row = (await session.execute(select(classes).where(classes.c.id == class_id))).one()
    await uow.commit()
    return class_ref(row)


async def class_for(session: AsyncSession, actor: Principal, class_id: uuid.UUID) -> ClassRef:
    row = (await session.execute(select(classes).where(classes.c.id == class_id))).first()
    if row is None or actor.role not in READERS or not actor.covers(row.scope_path):
        raise DomainError(error_codes.CLASS_NOT_FOUND)
    return class_ref(row)


async def list_classes(session: AsyncSession, actor: Principal, school_code: str) -> list[ClassRef]:
    school = await find_school(session, school_code)
    if school is None or actor.role not in READERS or not actor.covers(school.scope_path):
        raise DomainError(errors.NOT_FOUND, field="school_code")
    return list((await school_classes(session, school_code)).values())
