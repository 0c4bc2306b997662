"""A bureau's overdue list: every overdue transfer step in its area, grouped by the
supervising authority it was escalated to (or the party still holding it, before the first
escalation)."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from xueji_console.access import in_section
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InOverdue = Annotated[Visitor, Depends(in_section("overdue"))]


@router.get("/transfers/overdue")
async def overdue_list(request: Request, visitor: InOverdue) -> Response:
    console = console_of(request)
    overdue = await console.transfer.overdue(visitor.token)
    codes = sorted(
        {group["authority"] for group in overdue["authorities"]}
        | {
            step["party_unit"]
            for g in overdue["authorities"]
            for step in g["steps"]
            if step["party_unit"]
        }
    )
    names = await asyncio.gather(*(console.unit_names.name(visitor.token, c) for c in codes))
    context = {"overdue": overdue, "units": dict(zip(codes, names, strict=True))}
    return await console.renderer.page(
        request, "transfers/overdue.html", context, visitor=visitor, section="overdue"
    )
