"""Searching the pupils inside the caller's scope, with paging."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_common.counting import COUNT_LIMIT, Count, count_matches
from xueji_registry.domain.text_width import fold_full_width, normalise_identifier
from xueji_registry.pupils.reading.access import visible_pupils
from xueji_registry.pupils.rows import record_query, state_of
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils


@dataclass(frozen=True)
class PupilFilters:
    school_code: str | None = None
    name: str | None = None  # part of the name
    number: str | None = None  # national, local or ID number, exactly
    class_id: uuid.UUID | None = None
    grade: int | None = None
    status: str | None = None
    reason: str | None = None  # a problem reason code
    registration_state: str | None = None
    problem: bool | None = None
    include_deleted: bool = False


@dataclass(frozen=True)
class Matches:
    states: list[PupilState]
    count: Count


# Filters selecting the pupils whose column of the same name equals them.
_EQUALS = ("school_code", "class_id", "grade", "status", "registration_state")


def _conditions(principal: Principal, filters: PupilFilters) -> list[ColumnElement[bool]]:
    conditions = [visible_pupils(principal)]
    if not filters.include_deleted:
        conditions.append(pupils.c.deleted.is_(False))
    for name in _EQUALS:
        value = getattr(filters, name)
        if value is not None and value != "":
            conditions.append(pupils.c[name] == value)
    return conditions + _typed_in(filters) + _problems(filters)


def _typed_in(filters: PupilFilters) -> list[ColumnElement[bool]]:
    """Part of a name, or a number, as typed: width-folded and trimmed."""
    conditions = []
    if filters.name and filters.name.strip():
        conditions.append(
            pupils.c.name.contains(fold_full_width(filters.name).strip(), autoescape=True)
        )
    if filters.number and filters.number.strip():
        number = normalise_identifier(filters.number)
        conditions.append(
            or_(
                pupils.c.national_number == number,
                pupils.c.local_number == number,
                pupils.c.id_number == number,
            )
        )
    return conditions


def _problems(filters: PupilFilters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.reason:
        # `problem` too, as the bare column: the reason index is partial (WHERE problem), and
        # the planner matches that predicate to `problem`, not to `problem IS true`.
        conditions.append(pupils.c.problem)
        conditions.append(pupils.c.problem_reasons.contains([{"code": filters.reason}]))
    if filters.problem is not None:
        conditions.append(pupils.c.problem.is_(filters.problem))
    return conditions


async def search_pupils(
    session: AsyncSession,
    principal: Principal,
    filters: PupilFilters,
    *,
    limit: int,
    offset: int,
    count_limit: int = COUNT_LIMIT,
) -> Matches:
    """One page of matching pupils (school, grade, number order) and how many match, counted
    up to `count_limit`."""
    conditions = _conditions(principal, filters)
    count = await count_matches(session, select(pupils.c.id).where(*conditions), count_limit)
    rows = await session.execute(
        record_query()
        .where(*conditions)
        .order_by(pupils.c.school_code, pupils.c.grade, pupils.c.national_number, pupils.c.id)
        .limit(limit)
        .offset(offset)
    )
    return Matches([state_of(row) for row in rows.all()], count)
