"""Field history (old, new, who, when, why) and the history of national numbers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.auth.principal import Principal
from xueji_registry.pupils.contract.snapshot import Change
from xueji_registry.pupils.tables import field_history, pupil_numbers

FIRST_NUMBER = "首次建立学籍"  # the reason recorded with a record's first national number


@dataclass(frozen=True)
class ChangeContext:
    """Why a record changed, as the history and the correction sheet show it."""

    reason: str
    source: str  # update, correction, proof, assignment, registration, transfer, number, …
    source_id: str | None = None


@dataclass(frozen=True)
class FieldHistoryEntry:
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    source: str
    source_id: str | None
    actor_account_id: str | None
    actor_name: str
    actor_role: str
    changed_at: datetime
    record_version: int


async def record_changes(
    session: AsyncSession,
    *,
    pupil_id: uuid.UUID,
    changes: Sequence[Change],
    context: ChangeContext,
    actor: Principal,
    record_version: int,
) -> None:
    if not changes:
        return
    await session.execute(
        insert(field_history),
        [
            {
                "pupil_id": pupil_id,
                "field": field,
                "old_value": old,
                "new_value": new,
                "reason": context.reason,
                "source": context.source,
                "source_id": context.source_id,
                "actor_account_id": actor.account_id or None,
                "actor_name": actor.name,
                "actor_role": actor.role.value,
                "record_version": record_version,
            }
            for field, old, new in changes
        ],
    )


async def field_history_of(session: AsyncSession, pupil_id: uuid.UUID) -> list[FieldHistoryEntry]:
    rows = (
        await session.execute(
            select(field_history)
            .where(field_history.c.pupil_id == pupil_id)
            .order_by(field_history.c.id)
        )
    ).all()
    return [
        FieldHistoryEntry(
            field=r.field,
            old_value=r.old_value,
            new_value=r.new_value,
            reason=r.reason,
            source=r.source,
            source_id=r.source_id,
            actor_account_id=r.actor_account_id,
            actor_name=r.actor_name,
            actor_role=r.actor_role,
            changed_at=r.changed_at,
            record_version=r.record_version,
        )
        for r in rows
    ]


def number_rows(
    pupil_ids: Sequence[uuid.UUID], numbers: Sequence[str], reason: str, actor: Principal
) -> list[dict[str, object]]:
    return [
        {
            "pupil_id": pupil_id,
            "national_number": number,
            "form": number[0],
            "reason": reason,
            "actor_account_id": actor.account_id or None,
        }
        for pupil_id, number in zip(pupil_ids, numbers, strict=True)
    ]


async def record_numbers(
    session: AsyncSession,
    pupil_ids: Sequence[uuid.UUID],
    numbers: Sequence[str],
    *,
    reason: str,
    actor: Principal,
) -> None:
    if pupil_ids:
        await session.execute(insert(pupil_numbers), number_rows(pupil_ids, numbers, reason, actor))


async def replace_number(
    session: AsyncSession, pupil_id: uuid.UUID, new_number: str, *, reason: str, actor: Principal
) -> None:
    """Close the pupil's current number and open the new one."""
    await session.execute(
        update(pupil_numbers)
        .where(pupil_numbers.c.pupil_id == pupil_id, pupil_numbers.c.replaced_at.is_(None))
        .values(replaced_at=func.now())
    )
    await record_numbers(session, [pupil_id], [new_number], reason=reason, actor=actor)
