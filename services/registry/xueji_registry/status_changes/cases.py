"""Case rows: creating one with the pupil's lock, and reading them inside the caller's scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji.common.v1.actor_pb2 import Actor as ActorMessage
from xueji_common.auth.principal import Principal, Role
from xueji_common.counting import Count, count_matches
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.domain.code_tables import StatusChangeType
from xueji_registry.orgs.tables import org_units
from xueji_registry.pupils.reading.access import READERS
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.tables import pupils
from xueji_registry.status_changes.rules import WORKFLOW_TYPES, type_name
from xueji_registry.status_changes.schemas import StatusChangeRead
from xueji_registry.status_changes.tables import status_changes
from xueji_workflows.actors import Actor, actor_from_principal
from xueji_workflows.status_change import StatusChangeInput, status_change_workflow_id
from xueji_workflows.units import SchoolRef as WorkflowSchool

# Class teachers see their own class's records, not the school's cases.
CASE_READERS = tuple(r for r in READERS if r is not Role.CLASS_TEACHER)


@dataclass(frozen=True)
class NewCase:
    change_type: StatusChangeType
    reason: str
    effective_on: date
    evidence_document_ids: Sequence[uuid.UUID] = ()
    batch_id: uuid.UUID | None = None


def workflow_actor(principal: Principal) -> Actor:
    return actor_from_principal(principal)


async def province_docks(session: AsyncSession, province_code: str) -> bool:
    """Whether the province decides on its own system (对接省份)."""
    return bool(
        await session.scalar(select(org_units.c.docking).where(org_units.c.code == province_code))
    )


async def open_case(
    session: AsyncSession, actor: Principal, state: PupilState, case: NewCase, *, docks: bool
) -> tuple[uuid.UUID, StatusChangeInput]:
    """Claim the (locked, unclaimed) pupil and store the case; the caller commits."""
    case_id = uuid.uuid4()
    kind = WORKFLOW_TYPES[case.change_type]
    await session.execute(
        update(pupils)
        .where(pupils.c.id == state.id)
        .values(open_case_id=str(case_id), open_case_kind=kind)
    )
    await session.execute(
        insert(status_changes).values(
            id=case_id,
            pupil_id=state.id,
            national_number=state.national_number,
            pupil_name=state.name,
            school_code=state.school.code,
            county_code=state.school.county_code,
            scope_path=state.scope_path,
            change_type=case.change_type.value,
            reason=case.reason,
            effective_on=case.effective_on,
            evidence_document_ids=list(case.evidence_document_ids),
            batch_id=case.batch_id,
            workflow_id=status_change_workflow_id(state.national_number),
            filed_by=actor.account_id,
            filed_by_name=actor.name,
            filed_by_role=actor.role.value,
            filed_by_unit=actor.unit_code,
        )
    )
    change = StatusChangeInput(
        case_id=str(case_id),
        national_number=state.national_number,
        pupil_name=state.name,
        change_type=kind,
        school=WorkflowSchool(state.school.code, state.school.name, list(state.school.path)),
        filed_by=workflow_actor(actor),
        reason=case.reason,
        evidence_ids=[str(i) for i in case.evidence_document_ids],
        effective_on=case.effective_on.isoformat(),
        province_docks=docks,
    )
    return case_id, change


async def case_row(session: AsyncSession, actor: Principal, case_id: uuid.UUID) -> Any:
    """The case, if the caller may see it (its school or a bureau above)."""
    row = (
        await session.execute(select(status_changes).where(status_changes.c.id == case_id))
    ).first()
    if row is None or actor.role not in CASE_READERS or not actor.covers(row.scope_path):
        raise DomainError(error_codes.STATUS_CHANGE_NOT_FOUND)
    return row


async def case_by_id(session: AsyncSession, case_id: str) -> Any:
    try:
        key = uuid.UUID(case_id)
    except ValueError:
        return None
    return (await session.execute(select(status_changes).where(status_changes.c.id == key))).first()


def read_of(row: Any) -> StatusChangeRead:
    names = {n: getattr(row, n) for n in StatusChangeRead.model_fields if n != "change_type_name"}
    return StatusChangeRead(**names, change_type_name=type_name(StatusChangeType(row.change_type)))


def requester_of(row: Any) -> ActorMessage:
    return ActorMessage(
        account_id=row.filed_by, name=row.filed_by_name, role=row.filed_by_role,
        unit_code=row.filed_by_unit,
    )  # fmt: skip


async def list_cases(
    session: AsyncSession,
    actor: Principal,
    *,
    filters: dict[str, object],
    limit: int,
    offset: int,
) -> tuple[Count, list[Any]]:
    if actor.role not in CASE_READERS:
        return Count(total=0, exact=True), []
    conditions = [status_changes.c.scope_path.startswith(actor.scope)]
    conditions += [status_changes.c[name] == value for name, value in filters.items()]
    count = await count_matches(session, select(status_changes.c.id).where(*conditions))
    rows = (
        await session.execute(
            select(status_changes)
            .where(*conditions)
            .order_by(status_changes.c.filed_at.desc(), status_changes.c.id)
            .limit(limit)
            .offset(offset)
        )
    ).all()
    return count, list(rows)
