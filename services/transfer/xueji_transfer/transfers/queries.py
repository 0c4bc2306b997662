"""Reading transfers within the caller's scope: lists, the inbox, overdue steps, one transfer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Select, any_, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_common.counting import count_matches
from xueji_common.errors import DomainError
from xueji_transfer import error_codes
from xueji_transfer.transfers.facts import actor_from_json
from xueji_transfer.transfers.schemas import (
    OverdueAuthority,
    OverdueList,
    OverdueStep,
    TransferPage,
    TransferSummary,
    UnitRead,
)
from xueji_transfer.transfers.scope import visible
from xueji_transfer.transfers.tables import timeline, transfers
from xueji_transfer.transfers.timeline import actor_read
from xueji_workflows import transfer as tf

Row = Mapping[str, Any]


def summary(row: Row) -> TransferSummary:
    return TransferSummary(
        id=row["id"],
        national_number=row["pupil_number"],
        pupil_name=row["pupil_name"],
        receiving_school=UnitRead(
            code=row["receiving_school_code"], name=row["receiving_school_name"]
        ),
        sending_school=UnitRead(code=row["sending_school_code"], name=row["sending_school_name"]),
        receiving_province=row["receiving_province"],
        sending_province=row["sending_province"],
        target_grade=row["target_grade"],
        state=row["state"],
        current_step=row["current_step"],
        current_party_unit=row["current_party_unit"],
        current_deadline=row["current_deadline"],
        current_provisional=row["current_provisional"],
        overdue=row["overdue"],
        escalated_to=row["escalated_to"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def filed_by(row: Row) -> Any:
    return actor_read(actor_from_json(row["filed_by"]))


async def _page(session: AsyncSession, query: Select, limit: int, offset: int) -> TransferPage:
    count = await count_matches(session, query)
    rows = await session.execute(
        query.order_by(transfers.c.created_at.desc(), transfers.c.id).limit(limit).offset(offset)
    )
    items = [summary(row) for row in rows.mappings()]
    return TransferPage(
        items=items, total=count.total, total_exact=count.exact, limit=limit, offset=offset
    )


async def list_transfers(
    session: AsyncSession,
    principal: Principal,
    *,
    state: str | None,
    step: str | None,
    overdue: bool | None,
    limit: int,
    offset: int,
) -> TransferPage:
    query = select(transfers).where(visible(principal))
    if state is not None:
        query = query.where(transfers.c.state == state)
    if step is not None:
        query = query.where(transfers.c.current_step == step)
    if overdue is not None:
        # Bare column for True: the planner matches it, not `IS true`, to the partial index.
        query = query.where(transfers.c.overdue if overdue else ~transfers.c.overdue)
    return await _page(session, query, limit, offset)


async def inbox(
    session: AsyncSession, principal: Principal, *, limit: int, offset: int
) -> TransferPage:
    """Open steps waiting for the caller's own unit and role."""
    query = select(transfers).where(
        visible(principal),
        transfers.c.current_party_unit == principal.unit_code,
        literal(principal.role.value) == any_(transfers.c.current_party_roles),
        transfers.c.current_docking_province.is_(None),
        transfers.c.state.not_in(tf.FINISHED_STATES),
    )
    return await _page(session, query, limit, offset)


async def overdue_steps(session: AsyncSession, principal: Principal) -> OverdueList:
    """Overdue steps in scope, grouped by the supervising authority they were escalated to."""
    rows = await session.execute(
        select(transfers)
        .where(visible(principal), transfers.c.overdue)
        .order_by(transfers.c.current_deadline, transfers.c.id)
    )
    groups: dict[str, list[OverdueStep]] = {}
    for row in rows.mappings():
        step = OverdueStep(
            transfer_id=row["id"],
            national_number=row["pupil_number"],
            pupil_name=row["pupil_name"],
            step=row["current_step"] or "",
            party_unit=row["current_party_unit"],
            deadline=row["current_deadline"],
            authority=row["escalated_to"],
        )
        groups.setdefault(row["escalated_to"] or row["current_party_unit"] or "", []).append(step)
    authorities = [OverdueAuthority(authority=code, steps=steps) for code, steps in groups.items()]
    total = sum(len(group.steps) for group in authorities)
    return OverdueList(total=total, authorities=sorted(authorities, key=lambda a: a.authority))


async def transfer_row(session: AsyncSession, principal: Principal, transfer_id: str) -> Row:
    row = (
        (
            await session.execute(
                select(transfers).where(transfers.c.id == transfer_id, visible(principal))
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise DomainError(error_codes.TRANSFER_NOT_FOUND)
    return row


async def recorded_events(session: AsyncSession, transfer_id: str) -> list[Row]:
    rows = await session.execute(
        select(timeline).where(timeline.c.transfer_id == transfer_id).order_by(timeline.c.seq)
    )
    return list(rows.mappings())


async def failure_message(session: AsyncSession, transfer_id: str) -> str | None:
    details = await session.scalar(
        select(timeline.c.details).where(
            timeline.c.transfer_id == transfer_id, timeline.c.type == "transfer.failed"
        )
    )
    return (details or {}).get("message")
