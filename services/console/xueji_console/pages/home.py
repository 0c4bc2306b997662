"""The home page: what waits for the signed-in person, overdue first.

Each list is a call to the service that owns it; one service being down leaves the others
shown and says which is missing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from xueji_common.auth.principal import Role
from xueji_console import waiting
from xueji_console.access import in_section
from xueji_console.clients.calls import ServiceProblem
from xueji_console.navigation import BUREAUS, SCHOOL_STAFF
from xueji_console.parts import Console, console_of
from xueji_console.session import Visitor

router = APIRouter()

LIST_LIMIT = 50
# Who decides status changes and registration submissions (SPEC §3, §4): the county bureau.
DECIDERS = frozenset({Role.COUNTY_OFFICER})
# Status changes are not shown to class teachers by the registry.
CASE_FOLLOWERS = (SCHOOL_STAFF - {Role.CLASS_TEACHER}) | BUREAUS


@dataclass
class Figures:
    waiting: list[waiting.Waiting] = field(default_factory=list)
    problem_records: int | None = None
    problem_records_exact: bool = True
    overdue_in_area: int | None = None
    unavailable: list[str] = field(default_factory=list)


async def _gathered(figures: Figures, sources: dict[str, Awaitable[None]]) -> None:
    results = await asyncio.gather(*sources.values(), return_exceptions=True)
    for name, result in zip(sources, results, strict=True):
        if isinstance(result, ServiceProblem) and result.status != 401:
            figures.unavailable.append(f"{name}：{result.message}（{result.code}）")
        elif isinstance(result, BaseException):
            raise result


async def figures_for(console: Console, visitor: Visitor) -> Figures:
    token, role = visitor.token, visitor.principal.role
    figures = Figures()

    async def transfers() -> None:
        inbox = await console.transfer.inbox(token, limit=LIST_LIMIT)
        figures.waiting += [waiting.transfer_step(item) for item in inbox["items"]]

    async def status_changes() -> None:
        page = await console.registry.status_changes(token, state="in_review", limit=LIST_LIMIT)
        figures.waiting += [waiting.status_change(item) for item in page["items"]]

    async def submissions() -> None:
        deciding = role in DECIDERS
        state = "pending" if deciding else "returned"
        step = "待审核" if deciding else "被退回，请修改后重新上报"
        found = await console.registry.submissions(token, state=state, limit=LIST_LIMIT)
        figures.waiting += [waiting.submission(item, step=step) for item in found]

    async def problem_records() -> None:
        page = await console.registry.search_pupils(token, {"problem": "true", "limit": 1})
        figures.problem_records = page["total"]
        figures.problem_records_exact = page["total_exact"]

    async def overdue() -> None:
        figures.overdue_in_area = (await console.transfer.overdue(token))["total"]

    sources: dict[str, Awaitable[None]] = {"转学待办": transfers()}
    if role in CASE_FOLLOWERS:
        sources["学籍异动"] = status_changes()
    if role in DECIDERS or role is Role.SCHOOL_REGISTRAR:
        sources["注册上报"] = submissions()
    if role in SCHOOL_STAFF:
        sources["问题学籍"] = problem_records()
    if role in BUREAUS:
        sources["逾期事项"] = overdue()
    await _gathered(figures, sources)
    figures.waiting = waiting.ordered(figures.waiting)
    return figures


@router.get("/")
async def home(
    request: Request, visitor: Annotated[Visitor, Depends(in_section("home"))]
) -> Response:
    console = console_of(request)
    figures = await figures_for(console, visitor)
    deciding = visitor.principal.role in DECIDERS
    return await console.renderer.page(
        request,
        "home/index.html",
        {"figures": figures, "deciding": deciding},
        visitor=visitor,
        section="home",
    )
