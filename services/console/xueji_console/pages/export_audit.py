"""A province's export audit: its records page by page and the chain's verification, which
names each edited, deleted or reordered record.

A province officer reads their own province's chain; a national operator chooses the province.
"""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from xueji_common.auth.principal import UnitKind
from xueji_console.access import in_section
from xueji_console.parts import console_of
from xueji_console.session import Visitor

router = APIRouter()
InAudit = Annotated[Visitor, Depends(in_section("export-audit"))]
PAGE_SIZE = 50
NATION = "CN"


@router.get("/export-audit")
async def audit_page(
    request: Request,
    visitor: InAudit,
    province: Annotated[str, Query(pattern=r"^(|\d{2})$")] = "",
    after: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    console, token, principal = console_of(request), visitor.token, visitor.principal
    own = principal.unit_code if principal.unit_kind is UnitKind.PROVINCE else None
    chosen = own or province
    provinces = [] if own else await console.registry.units_below(token, NATION)
    page = verification = None
    if chosen:
        page, verification = await asyncio.gather(
            console.export.audit(token, chosen, after=after, limit=PAGE_SIZE),
            console.export.verification(token, chosen),
        )
    context = {
        "province": chosen, "provinces": provinces, "page": page,
        "verification": verification, "after": after,
    }  # fmt: skip
    return await console.renderer.page(
        request, "export_audit/index.html", context, visitor=visitor, section="export-audit"
    )
