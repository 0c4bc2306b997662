"""Which active record holds an ID number (一人一籍), and the refusal naming it."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.orgs.tables import org_units
from xueji_registry.pupils.model import ACTIVE_STATUSES
from xueji_registry.pupils.tables import pupils

# Unique indexes whose violation means another active record holds the same person.
ONE_RECORD_INDEXES = frozenset({"pupils_active_id_number", "pupils_active_national_number"})


@dataclass(frozen=True)
class Holder:
    id_number: str
    pupil_id: uuid.UUID
    national_number: str
    school_code: str
    school_name: str


def active_record() -> ColumnElement[bool]:
    return and_(
        pupils.c.deleted.is_(False),
        pupils.c.id_conflict.is_(False),
        pupils.c.status.in_(sorted(ACTIVE_STATUSES)),
    )


async def active_holders(
    session: AsyncSession, id_numbers: Iterable[str], *, exclude: Collection[uuid.UUID] = ()
) -> dict[str, Holder]:
    wanted = sorted(set(id_numbers))
    if not wanted:
        return {}
    query = (
        select(
            pupils.c.id,
            pupils.c.id_number,
            pupils.c.national_number,
            pupils.c.school_code,
            org_units.c.name,
        )
        .join(org_units, org_units.c.code == pupils.c.school_code)
        .where(pupils.c.id_number.in_(wanted), active_record())
    )
    if exclude:
        query = query.where(pupils.c.id.not_in(list(exclude)))
    return {
        row.id_number: Holder(row.id_number, row.id, row.national_number, row.school_code, row.name)
        for row in (await session.execute(query)).all()
    }


def duplicate_id_error(holder: Holder) -> DomainError:
    return DomainError(
        error_codes.PUPIL_DUPLICATE_ID,
        field="id_number",
        detail=f"该身份证号已在{holder.school_name}（{holder.school_code}）在籍",
        extra={
            "school_code": holder.school_code,
            "school_name": holder.school_name,
            "national_number": holder.national_number,
        },
    )


def violated_index(error: IntegrityError) -> str | None:
    """The constraint or index an IntegrityError names (asyncpg keeps it on the cause)."""
    for candidate in (error.orig, getattr(error.orig, "__cause__", None)):
        name = getattr(candidate, "constraint_name", None)
        if name:
            return str(name)
    return None


def is_one_record_violation(error: IntegrityError) -> bool:
    return violated_index(error) in ONE_RECORD_INDEXES
