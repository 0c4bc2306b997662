"""How many rows a list matches, counted only so far: a province's or the nation's list would
otherwise read every matching row again for each page."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

COUNT_LIMIT = 10_000


@dataclass(frozen=True)
class Count:
    total: int  # counted up to the limit
    exact: bool  # False: at least `total` match


async def count_matches(session: AsyncSession, query: Select, limit: int = COUNT_LIMIT) -> Count:
    """The rows `query` selects, counted up to `limit`."""
    counted = await session.scalar(
        select(func.count()).select_from(query.limit(limit + 1).subquery())
    )
    found = int(counted or 0)
    return Count(total=min(found, limit), exact=found <= limit)


class CountedPage(BaseModel):
    """The count part of a list response."""

    total: int = Field(description=f"matches, counted up to {COUNT_LIMIT:,}")
    total_exact: bool = Field(True, description="false: at least `total` match")
