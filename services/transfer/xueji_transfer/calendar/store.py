"""The published holiday schedules in the database, and the working calendar built from them.

Years 2004–2026 are seeded from chinese_calendar at start (idempotent: a year already there,
seeded or published by the operator, is left alone). Deadlines read the calendar through
`working_calendar()`, which reloads only when a year was published since the last read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common.calendar.schedule import YearSchedule
from xueji_common.calendar.state_council import known_years, schedule_from_chinese_calendar
from xueji_common.calendar.working_days import WorkingCalendar
from xueji_common.db import Database
from xueji_transfer.calendar.tables import holiday_years

SEEDED = "chinese_calendar"
PUBLISHED = "operator"


@dataclass(frozen=True)
class PublishedYear:
    schedule: YearSchedule
    source: str
    published_at: datetime
    published_by: str


def _row_values(schedule: YearSchedule) -> dict[str, list[date]]:
    return {"holidays": sorted(schedule.holidays), "make_up_days": sorted(schedule.make_up_days)}


class CalendarStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._calendar: WorkingCalendar | None = None
        self._version: tuple[int, datetime | None] | None = None
        self._seeded = False

    async def seed(self) -> None:
        now = datetime.now(UTC)
        rows = [
            {
                "year": year,
                **_row_values(schedule_from_chinese_calendar(year)),
                "source": SEEDED,
                "published_at": now,
                "published_by": "国务院办公厅（chinese_calendar）",
            }
            for year in known_years()
        ]
        async with self._db.sessions() as session, session.begin():
            await session.execute(insert(holiday_years).values(rows).on_conflict_do_nothing())
        self._seeded = True

    async def working_calendar(self) -> WorkingCalendar:
        if not self._seeded:
            # A deadline asked for before the start-up seeding finished must not miss a year.
            await self.seed()
        async with self._db.reads() as session:
            version = tuple(
                (
                    await session.execute(
                        select(func.count(), func.max(holiday_years.c.published_at))
                    )
                ).one()
            )
            if self._calendar is None or version != self._version:
                rows = (await session.execute(select(holiday_years))).all()
                self._calendar = WorkingCalendar({row.year: _schedule(row) for row in rows})
                self._version = version  # type: ignore[assignment]
        return self._calendar

    async def year(self, session: AsyncSession, year: int) -> PublishedYear | None:
        row = (
            await session.execute(select(holiday_years).where(holiday_years.c.year == year))
        ).first()
        if row is None:
            return None
        return PublishedYear(_schedule(row), row.source, row.published_at, row.published_by)

    async def publish(
        self, session: AsyncSession, schedule: YearSchedule, *, by_name: str, by_account: str
    ) -> None:
        """Store a year's schedule, replacing what was there (the caller commits)."""
        values = {
            **_row_values(schedule),
            "source": PUBLISHED,
            "published_at": datetime.now(UTC),
            "published_by": by_name,
            "published_by_account": by_account,
        }
        statement = insert(holiday_years).values(year=schedule.year, **values)
        await session.execute(
            statement.on_conflict_do_update(index_elements=[holiday_years.c.year], set_=values)
        )


def _schedule(row: object) -> YearSchedule:
    return YearSchedule(
        year=row.year,  # type: ignore[attr-defined]
        holidays=frozenset(row.holidays),  # type: ignore[attr-defined]
        make_up_days=frozenset(row.make_up_days),  # type: ignore[attr-defined]
    )
