"""Reading classes of a school as `ClassRef`s."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.classes.tables import classes
from xueji_registry.pupils.state import ClassRef


def class_ref(row: object) -> ClassRef:
    return ClassRef(
        id=row.id,
        school_code=row.school_code,
        code=row.code,
        grade=row.grade,
        name=row.name,
        teacher_account_id=row.teacher_account_id,
    )


async def school_classes(
    session: AsyncSession, school_code: str, ids: Iterable[uuid.UUID] | None = None
) -> dict[uuid.UUID, ClassRef]:
    """Classes of the school (only those with the given ids, when given)."""
    query = select(classes).where(classes.c.school_code == school_code)
    if ids is not None:
        wanted = list(set(ids))
        if not wanted:
            return {}
        query = query.where(classes.c.id.in_(wanted))
    rows = (await session.execute(query.order_by(classes.c.grade, classes.c.number))).all()
    return {row.id: class_ref(row) for row in rows}


async def classes_for(
    session: AsyncSession, school_code: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, ClassRef]:
    """These classes of the school; CLASS_NOT_FOUND when one is not the school's."""
    wanted = set(ids)
    found = await school_classes(session, school_code, wanted)
    missing = wanted - found.keys()
    if missing:
        raise DomainError(error_codes.CLASS_NOT_FOUND, field="class_id", detail=str(min(missing)))
    return found


def check_class_grade(school_class: ClassRef | None, grade: int) -> None:
    if school_class is not None and school_class.grade != grade:
        raise DomainError(
            error_codes.CLASS_GRADE_MISMATCH,
            field="class_id",
            detail=f"{school_class.name}为{school_class.grade}年级，学生为{grade}年级",
        )
