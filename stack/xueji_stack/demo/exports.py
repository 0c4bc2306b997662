"""The export demo for `xueji up`, made through the export API like the photo demo: Shanghai
authorises 徐汇区 for page export, the registrar of 上海市南洋模范中学 files an application for
the school's pupils (school, class and names, the security plan uploaded) naming themself as
handler, 徐汇区's officer approves it, and the worker generates the file; the province's audit
chain then verifies.

Idempotent: an application of the registrar's that is already ready is reused.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

import httpx

from xueji_stack.demo.demo_calls import demo_call
from xueji_stack.demo.demo_logins import DemoLogins
from xueji_stack.demo.photos import china_today

SCHOOL = "3431000202"  # 上海市南洋模范中学, in 徐汇区
COUNTY = "310104"
HANDLER = f"{SCHOOL}.registrar"
APPROVER = "xuhui.county"
PROVINCE = "sh.province"
PURPOSE = "演示：核对本校在校生名单"
FIELDS = [
    {"field": "school_name"},
    {"field": "class_name"},
    {"field": "name", "reason": "逐人核对学籍信息"},
]
PLAN = (
    b"%PDF-1.4\n% demo security plan\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
)
WAIT_SECONDS = 180.0


@dataclass(frozen=True)
class DemoExport:
    handler: str
    number: str
    application_id: str
    chain_intact: bool


async def _authorise_county(export: httpx.AsyncClient, headers: dict[str, str]) -> None:
    path = "/v1/provinces/31/export-settings"
    current = await demo_call(export, "GET", path, headers)
    if COUNTY in current["page_export_counties"]:
        return
    keys = ("max_use_days", "backend_consent_required", "audit_retention_months")
    body = {key: current[key] for key in keys}
    body["page_export_counties"] = sorted({*current["page_export_counties"], COUNTY})
    await demo_call(export, "PUT", path, headers, json=body)


async def _file(export: httpx.AsyncClient, headers: dict[str, str], handler_id: str) -> dict:
    plan = await demo_call(
        export, "POST", "/v1/export-documents", headers,
        files={"file": ("安全保障方案.pdf", PLAN, "application/pdf")},
        data={"kind": "security_plan"},
    )  # fmt: skip
    today = china_today()
    body = {
        "purpose": PURPOSE, "scope": [SCHOOL], "method": "page", "fields": FIELDS,
        "use_from": (today + timedelta(days=0)).isoformat(),
        "use_until": (today + timedelta(days=30)).isoformat(),
        "security_officer": "演示安全负责人", "handler_account_id": handler_id,
        "security_plan_document_id": plan["id"],
    }  # fmt: skip
    return await demo_call(export, "POST", "/v1/export-applications", headers, json=body)


async def _until_ready(export: httpx.AsyncClient, headers: dict[str, str], ident: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while loop.time() < deadline:
        application = await demo_call(export, "GET", f"/v1/export-applications/{ident}", headers)
        state = application["state"]
        if state == "ready":
            return
        if state in ("refused", "expired"):
            raise RuntimeError(f"demo export: application {ident} is {state}")
        await asyncio.sleep(1.0)
    raise RuntimeError(f"demo export: application {ident} not ready in {WAIT_SECONDS:.0f} s")


async def _approve_when_open(
    export: httpx.AsyncClient, headers: dict[str, str], ident: str
) -> None:
    """The review opens when the workflow has started: until then the desk refuses."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    path = f"/v1/export-applications/{ident}/decision"
    body = {"decision": "approve", "reason": "演示审批", "decision_id": f"demo-{ident}"}
    while True:
        answer = await export.post(path, headers=headers, json=body)
        if answer.status_code < 400:
            return
        if loop.time() > deadline:
            raise RuntimeError(f"demo export: approval refused {answer.status_code} {answer.text}")
        await asyncio.sleep(1.0)


async def seed_demo_exports(*, export_url: str, registry_url: str, password: str) -> DemoExport:
    async with (
        httpx.AsyncClient(base_url=registry_url, timeout=30) as registry,
        httpx.AsyncClient(base_url=export_url, timeout=60) as export,
    ):
        logins = DemoLogins(registry, password)
        handler = await logins.headers(HANDLER)
        listed = await demo_call(export, "GET", "/v1/export-applications", handler)
        items = listed["items"] if isinstance(listed, dict) else listed
        ready = [a for a in items if a["purpose"] == PURPOSE and a["state"] == "ready"]
        if ready:
            application = ready[0]
        else:
            await _authorise_county(export, await logins.headers(PROVINCE))
            token = await registry.post(
                "/v1/auth/token", json={"username": HANDLER, "password": password}
            )
            handler_id = token.raise_for_status().json()["principal"]["account_id"]
            application = await _file(export, handler, handler_id)
            await _approve_when_open(export, await logins.headers(APPROVER), application["id"])
            await _until_ready(export, handler, application["id"])
        verification = await demo_call(
            export, "GET", "/v1/provinces/31/export-audit/verification",
            await logins.headers(PROVINCE),
        )  # fmt: skip
        return DemoExport(
            handler=HANDLER,
            number=application["number"],
            application_id=application["id"],
            chain_intact=verification["intact"],
        )
