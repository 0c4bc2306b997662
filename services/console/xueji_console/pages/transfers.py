"""The transfers of the person's unit: the inbox of steps waiting for them (overdue first,
with deadline and escalation) and every transfer touching their school or area."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from xueji_console import transfer_inbox
from xueji_console.access import in_section
from xueji_console.navigation import may_use
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InTransfers = Annotated[Visitor, Depends(in_section("transfers"))]
# The inbox API's largest page: a unit with more waiting steps than that has other problems.
INBOX_LIMIT = 200
PAGE_SIZE = 50


@router.get("/transfers")
async def transfer_list(
    request: Request, visitor: InTransfers, offset: Annotated[int, Query(ge=0)] = 0
) -> Response:
    console = console_of(request)
    inbox, listed = await asyncio.gather(
        console.transfer.inbox(visitor.token, limit=INBOX_LIMIT),
        console.transfer.transfers(visitor.token, limit=PAGE_SIZE, offset=offset),
    )
    authorities = sorted({i["escalated_to"] for i in inbox["items"] if i["escalated_to"]})
    names = await asyncio.gather(
        *(console.unit_names.name(visitor.token, code) for code in authorities)
    )
    context = {
        "inbox": transfer_inbox.ordered(inbox["items"]),
        "listed": listed,
        "authorities": dict(zip(authorities, names, strict=True)),
        "may_file": may_use(visitor.principal.role, "transfer-filing"),
        "previous_offset": max(offset - PAGE_SIZE, 0) if offset else None,
        "next_offset": offset + PAGE_SIZE if offset + PAGE_SIZE < listed["total"] else None,
    }
    return await console.renderer.page(
        request, "transfers/index.html", context, visitor=visitor, section="transfers"
    )
