"""Lists the bureaus resolve: suspected duplicates without ID, and one-record conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_registry.orgs.tables import org_units
from xueji_registry.pupils.holders import Holder, active_holders, active_record
from xueji_registry.pupils.reading.access import BUREAUS
from xueji_registry.pupils.rows import record_query, state_of
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils


@dataclass(frozen=True)
class SuspectMember:
    pupil_id: str
    national_number: str
    name: str
    gender: str
    birth_date: date
    school_code: str
    school_name: str


@dataclass(frozen=True)
class SuspectGroup:
    key: str
    members: list[SuspectMember]


def _bureau(principal: Principal) -> None:
    if principal.role not in BUREAUS:
        raise DomainError(errors.FORBIDDEN)


async def suspected_duplicates(
    session: AsyncSession, principal: Principal, *, limit: int, offset: int
) -> list[SuspectGroup]:
    """Same name, gender and birth date without a valid ID at two or more schools (SPEC §2).

    A group is listed when one of its pupils is inside the caller's scope; the others are
    shown too, since resolving it needs both schools.
    """
    _bureau(principal)
    in_scope = (
        select(pupils.c.suspect_key)
        .where(pupils.c.scope_path.startswith(principal.scope), active_record())
        .where(pupils.c.suspect_key.is_not(None))
    )
    keys = (
        select(pupils.c.suspect_key)
        .where(pupils.c.suspect_key.in_(in_scope), active_record())
        .group_by(pupils.c.suspect_key)
        .having(func.count(pupils.c.school_code.distinct()) > 1)
        .order_by(pupils.c.suspect_key)
        .limit(limit)
        .offset(offset)
    )
    rows = await session.execute(
        select(pupils, org_units.c.name.label("school_name"))
        .join(org_units, org_units.c.code == pupils.c.school_code)
        .where(pupils.c.suspect_key.in_(keys), active_record())
        .order_by(pupils.c.suspect_key, pupils.c.school_code, pupils.c.national_number)
    )
    groups: dict[str, list[SuspectMember]] = {}
    for row in rows.all():
        groups.setdefault(row.suspect_key, []).append(
            SuspectMember(
                str(row.id),
                row.national_number,
                row.name,
                row.gender,
                row.birth_date,
                row.school_code,
                row.school_name,
            )
        )
    return [SuspectGroup(key, members) for key, members in groups.items()]


async def id_conflicts(
    session: AsyncSession, principal: Principal, *, limit: int, offset: int
) -> list[tuple[PupilState, Holder | None]]:
    """Records kept as problem data because another active record holds their ID number."""
    _bureau(principal)
    rows = await session.execute(
        record_query()
        .where(
            pupils.c.scope_path.startswith(principal.scope),
            # Bare columns: the planner matches them, not `IS true`, to the partial index.
            pupils.c.id_conflict,
            ~pupils.c.deleted,
        )
        .order_by(pupils.c.id_number, pupils.c.id)
        .limit(limit)
        .offset(offset)
    )
    states = [state_of(row) for row in rows.all()]
    holders = await active_holders(session, [s.id_number for s in states if s.id_number])
    return [(state, holders.get(state.id_number or "")) for state in states]
