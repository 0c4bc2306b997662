"""The working-day calendar: a year's holidays and make-up days, which every deadline of a
transfer or status change counts by. Bureaus read it; the national operator publishes it
through the transfer service's API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from xueji_console.access import in_section
from xueji_console.calendar_months import by_month, chosen_year
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InCalendar = Annotated[Visitor, Depends(in_section("calendar"))]
CHINA = ZoneInfo("Asia/Shanghai")


@router.get("/calendar")
async def calendar_year(request: Request, visitor: InCalendar) -> Response:
    console = console_of(request)
    year = chosen_year(request.query_params.get("year"), datetime.now(CHINA).date())
    found = await console.transfer.calendar_year(visitor.token, year)
    context = {
        "year": year,
        "calendar": found,
        "months": by_month(found["holidays"], found["make_up_days"]),
    }
    return await console.renderer.page(
        request, "calendar/year.html", context, visitor=visitor, section="calendar"
    )
