"""Posting workbooks to the import endpoint and reading what the import stored."""

from __future__ import annotations

import httpx
from sqlalchemy import text

from xueji_common.db import Database

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def post_import(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    data: bytes,
    *,
    name: str = "学生信息.xlsx",
    **form: str,
) -> httpx.Response:
    return await client.post(
        "/v1/imports", files={"file": (name, data, XLSX)}, data=form, headers=headers
    )


async def counts(db: Database, school_code: str) -> tuple[int, int]:
    """(pupils of the school, pupil.created events about them) as stored."""
    async with db.engine.connect() as connection:
        pupils = await connection.scalar(
            text("SELECT count(*) FROM pupils WHERE school_code = :school"),
            {"school": school_code},
        )
        events = await connection.scalar(
            text(
                "SELECT count(*) FROM outbox o JOIN pupils p ON o.subject = p.id::text "
                "WHERE o.event_type = 'pupil.created' AND p.school_code = :school"
            ),
            {"school": school_code},
        )
    return int(pupils), int(events)
