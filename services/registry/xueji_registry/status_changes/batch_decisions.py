"""The county decides a whole cohort batch: the decision goes to every case still waiting.

Each case gets the decision id `<batch decision id>:<case id>`, so repeating the request
(same decision id) decides nothing twice; cases that refuse (e.g. already decided one by
one) are listed, the rest still decided.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from temporalio.client import Client

from xueji_common.auth.principal import Principal
from xueji_common.errors import DomainError
from xueji_registry.status_changes.deciding import decide
from xueji_registry.status_changes.schemas import (
    BatchDecisionCreate,
    BatchDecisionRead,
    BatchRead,
    DecisionCreate,
    ExcludedPupil,
)
from xueji_registry.status_changes.tables import status_changes

DECISION_CONCURRENCY = 16
WAITING = ("filed", "in_review")


async def decide_batch(
    session: AsyncSession,
    client: Client,
    actor: Principal,
    batch: Any,
    data: BatchDecisionCreate,
    *,
    decision_id: str,
) -> BatchDecisionRead:
    rows = (
        await session.execute(
            select(status_changes).where(
                status_changes.c.batch_id == batch.id, status_changes.c.state.in_(WAITING)
            )
        )
    ).all()
    one = DecisionCreate(decision=data.decision, reason=data.reason)
    gate = asyncio.Semaphore(DECISION_CONCURRENCY)

    async def each(row: Any) -> dict[str, str] | None:
        async with gate:
            try:
                await decide(client, actor, row, one, decision_id=f"{decision_id}:{row.id}")
            except DomainError as error:
                return {"case_id": str(row.id), "code": error.error.code, "message": error.message}
        return None

    results = await asyncio.gather(*(each(row) for row in rows))
    failures = [r for r in results if r is not None]
    return BatchDecisionRead(
        batch_id=batch.id, decided=len(rows) - len(failures), not_decided=failures
    )


async def batch_read(session: AsyncSession, batch: Any) -> BatchRead:
    counts = (
        await session.execute(
            select(status_changes.c.state, func.count())
            .where(status_changes.c.batch_id == batch.id)
            .group_by(status_changes.c.state)
        )
    ).all()
    return BatchRead(
        id=batch.id,
        change_type=batch.change_type,
        school_code=batch.school_code,
        grade=batch.grade,
        graduation_year=batch.graduation_year,
        reason=batch.reason,
        effective_on=batch.effective_on,
        filed_count=batch.filed_count,
        excluded=[ExcludedPupil(**e) for e in batch.excluded],
        filed_by_name=batch.filed_by_name,
        filed_at=batch.filed_at,
        states={state: int(n) for state, n in counts},
    )
