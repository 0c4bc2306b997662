"""Reading the approval lifecycle: the approver's inbox and an application's recorded events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, any_, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.counting import count_matches
from xueji_export.applications.states import ApplicationState
from xueji_export.applications.tables import export_applications as applications
from xueji_export.applications.views import application_read, visible
from xueji_export.approval.schemas import InboxItem, InboxPage
from xueji_export.approval.tables import application_events
from xueji_workflows.export_approval import EXECUTION

Row = Mapping[str, Any]
# The database administrators who may run a backend export above the applicant's unit
# (xueji_workflows.export_approval.steps): the province's and the city's, never the nation's.
_EXECUTING_LEVELS = frozenset({UnitKind.PROVINCE, UnitKind.CITY})


def _awaiting(principal: Principal) -> Any:
    """Steps waiting for the caller: their unit and role, or, for a database administrator,
    the execution of a backend export of a unit they cover."""
    own = applications.c.current_party_unit == principal.unit_code
    if principal.role is Role.DATABASE_ADMINISTRATOR and principal.unit_kind in _EXECUTING_LEVELS:
        own = or_(own, applications.c.current_step == EXECUTION)
    return and_(
        visible(principal),
        own,
        literal(principal.role.value) == any_(applications.c.current_party_roles),
        # Nobody decides their own application: it is not in their inbox either.
        applications.c.applicant_account_id != principal.account_id,
        applications.c.state.in_(
            [ApplicationState.IN_REVIEW.value, ApplicationState.APPROVED.value]
        ),
        applications.c.current_step.is_not(None),
    )


def _item(row: Row) -> InboxItem:
    return InboxItem(
        application=application_read(row),
        step=row["current_step"],
        party_unit=row["current_party_unit"],
        deadline=row["current_deadline"],
        provisional=row["current_provisional"],
        overdue=row["overdue"],
        escalated_to=row["escalated_to"],
    )


async def inbox(
    session: AsyncSession, principal: Principal, *, limit: int, offset: int
) -> InboxPage:
    """Overdue first, then by deadline (soonest first)."""
    query = select(applications).where(_awaiting(principal))
    count = await count_matches(session, query)
    rows = await session.execute(
        query.order_by(
            applications.c.overdue.desc(),
            applications.c.current_deadline.asc().nulls_last(),
            applications.c.created_at,
        )
        .limit(limit)
        .offset(offset)
    )
    items = [_item(row) for row in rows.mappings()]
    return InboxPage(
        items=items, total=count.total, total_exact=count.exact, limit=limit, offset=offset
    )


async def recorded_events(session: AsyncSession, application_id: str) -> list[Row]:
    rows = await session.execute(
        select(application_events)
        .where(application_events.c.application_id == application_id)
        .order_by(application_events.c.seq)
    )
    return list(rows.mappings())
