"""Steps the export tests share: documents, applications, settings, counting what is stored,
and events straight onto their topics."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from google.protobuf.message import Message
from sqlalchemy import func, select

from tests.integration import topic_events
from tests.integration.export.world import ExportStack
from xueji_export.applications.filing import china_today
from xueji_export.applications.tables import export_applications
from xueji_export.audit.tables import audit_records
from xueji_export.schema import outbox

PDF = b"%PDF-1.4\n% security plan\n" + b"0" * 200


async def document(stack: ExportStack, headers: dict[str, str], kind: str) -> str:
    response = await stack.export.post(
        "/v1/export-documents",
        data={"kind": kind},
        files={"file": ("安全保障方案.pdf", PDF, "application/pdf")},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def application_body(
    stack: ExportStack, headers: dict[str, str], handler: str, scope: list[str], **changes: object
) -> dict:
    today = china_today()
    body: dict = {
        "purpose": "核查义务教育阶段控辍保学情况",
        "scope": scope,
        "method": "page",
        "fields": [
            {"field": "school_name"},
            {"field": "grade"},
            {"field": "name", "reason": "逐人核对在校情况"},
        ],
        "use_from": today.isoformat(),
        "use_until": (today + timedelta(days=20)).isoformat(),
        "security_officer": "刘安全",
        "handler_account_id": stack.staff[handler],
        "security_plan_document_id": await document(stack, headers, "security_plan"),
    }
    return body | changes


async def apply(stack: ExportStack, headers: dict[str, str], body: dict) -> httpx.Response:
    return await stack.export.post("/v1/export-applications", json=body, headers=headers)


async def put_settings(stack: ExportStack, province: str, **body: object) -> httpx.Response:
    wanted = {"max_use_days": 90, "page_export_counties": [], "backend_consent_required": True}
    return await stack.export.put(
        f"/v1/provinces/{province}/export-settings",
        json=wanted | body,
        headers=stack.people.province(province),
    )


async def counts(stack: ExportStack) -> tuple[int, int]:
    """Applications stored and export events waiting in or sent from the outbox."""
    async with stack.db.sessions() as session:
        applications = await session.scalar(select(func.count()).select_from(export_applications))
        applied = await session.scalar(
            select(func.count()).select_from(outbox).where(outbox.c.event_type == "export.applied")
        )
    return int(applications or 0), int(applied or 0)


async def audit_of(stack: ExportStack, province: str, action: str) -> list[dict]:
    async with stack.db.sessions() as session:
        rows = await session.execute(
            select(audit_records)
            .where(audit_records.c.province_code == province, audit_records.c.action == action)
            .order_by(audit_records.c.sequence)
        )
        return [dict(row) for row in rows.mappings()]


async def publish(bootstrap: str, message: Message, **options: Any) -> str:
    """An event straight onto its topic from this suite (see topic_events.publish)."""
    return await topic_events.publish(bootstrap, message, source="/xueji/export-tests", **options)
