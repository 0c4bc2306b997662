"""The holiday calendar over HTTP: anyone signed in reads a year; the national operator
publishes one, and every open case then recomputes its provisional deadlines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from xueji_common import errors
from xueji_common.auth.principal import Role
from xueji_common.calendar.schedule import YearSchedule
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_transfer import error_codes
from xueji_transfer.calendar.publishing import signal_open_cases

router = APIRouter(prefix="/v1", tags=["calendar"])
Year = Annotated[int, Path(ge=2000, le=2100)]
SATURDAY = 5


class CalendarYearRead(BaseModel):
    year: int
    # False: no schedule yet, deadlines in this year count Monday–Friday and are provisional.
    published: bool
    source: str | None
    published_at: datetime | None
    published_by: str | None
    holidays: list[date]
    make_up_days: list[date]
    signalled_cases: int | None = None


class CalendarYearPublish(BaseModel):
    model_config = ConfigDict(extra="forbid")
    holidays: list[date] = Field(max_length=60)
    make_up_days: list[date] = Field(default_factory=list, max_length=20)


def _schedule(year: int, data: CalendarYearPublish) -> YearSchedule:
    weekdays = sorted(d for d in data.make_up_days if d.weekday() < SATURDAY)
    if weekdays:
        raise DomainError(
            error_codes.CALENDAR_INVALID,
            field="make_up_days",
            detail=f"调休上班日应为周末：{', '.join(map(str, weekdays))}",
        )
    try:
        return YearSchedule(year, frozenset(data.holidays), frozenset(data.make_up_days))
    except ValueError as error:
        raise DomainError(error_codes.CALENDAR_INVALID, detail=str(error)) from error


@router.get("/calendar/{year}", response_model=CalendarYearRead)
async def read_year(
    year: Year, _principal: CurrentPrincipal, session: Session, request: Request
) -> CalendarYearRead:
    found = await request.app.state.calendar.year(session, year)
    if found is None:
        return CalendarYearRead(
            year=year, published=False, source=None, published_at=None, published_by=None,
            holidays=[], make_up_days=[],
        )  # fmt: skip
    return CalendarYearRead(
        year=year,
        published=True,
        source=found.source,
        published_at=found.published_at,
        published_by=found.published_by,
        holidays=sorted(found.schedule.holidays),
        make_up_days=sorted(found.schedule.make_up_days),
    )


@router.put("/calendar/{year}", response_model=CalendarYearRead)
async def publish_year(
    year: Year,
    data: CalendarYearPublish,
    principal: CurrentPrincipal,
    session: Session,
    request: Request,
) -> CalendarYearRead:
    if principal.role is not Role.NATIONAL_OPERATOR:
        raise DomainError(errors.FORBIDDEN)
    schedule = _schedule(year, data)
    calendar = request.app.state.calendar
    async with session.begin():
        await calendar.publish(
            session, schedule, by_name=principal.name, by_account=principal.account_id
        )
    signalled = await signal_open_cases(request.app.state.temporal, request.app.state.db, year)
    published = await read_year(year, principal, session, request)
    return published.model_copy(update={"signalled_cases": signalled})
