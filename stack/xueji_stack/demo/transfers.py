"""Demo transfers for `xueji up`, made through the transfer API by the demo staff (and by
Shandong's province system through Kafka), after the registry's demo data exists.

- completed: 金乡县实验小学 (Shandong, docking) → 上海市青浦区金泽小学, Shandong deciding its
  steps and reporting the paper file through events;
- refused by the sending school (徐汇 → 青浦);
- in review at the receiving bureau (青浦 → 徐汇);
- overdue and escalated: 任城区实验小学 (Shandong) → 徐汇区建襄小学, waiting for Shandong's
  sending-school step. Deadlines count from the real clock and cannot be backdated, so the demo
  gives Shandong a school limit of 0 working days (its rule row says so): the step is due
  23:59:59 Asia/Shanghai on the day `xueji up` first ran, and becomes overdue and escalated to
  the 任城区 bureau at that midnight — not during the first minutes of the demo.

Idempotent: nothing is done when a transfer between the demo schools exists.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
from sqlalchemy import func, select

from xueji_common.db import Database
from xueji_stack.demo.demo_logins import DemoLogins
from xueji_stack.demo.transfer_api import SHANDONG, DemoApi
from xueji_transfer.rules.model import ProvinceRules
from xueji_transfer.rules.store import set_rules
from xueji_transfer.schema import SCHEMA, org_units
from xueji_transfer.transfers.tables import transfers

DEMO_SCHOOLS = ("2131000101", "2131000201", "2137000101", "2137000201")


@dataclass(frozen=True)
class DemoTransfer:
    id: str
    label: str


async def _completed(api: DemoApi) -> str:
    t = await api.file("2137000101", SHANDONG, "2131000101", "随父母工作调动到上海")
    await api.approve("2131000101.reviewer", t, "receiving_school")
    await api.approve("qingpu.county", t, "receiving_bureau")
    await api.province(t, "sending_school")
    await api.province(t, "sending_bureau")
    await api.at(t, "report_arrival")
    await api.post("2131000101.registrar", f"/v1/transfers/{t}/arrival", {})
    await api.province(t, "paper_file_sent", paper_file=("机要交换", "JY-37-2026-0001"))
    await api.at(t, "paper_file_received")
    await api.post("2131000101.registrar", f"/v1/transfers/{t}/paper-file/received", {})
    await api.until(t, lambda b: b["state"] == "completed")
    return t


async def _refused(api: DemoApi) -> str:
    t = await api.file("2131000201", "31", "2131000101", "家庭搬迁至青浦区")
    await api.approve("2131000101.reviewer", t, "receiving_school")
    await api.approve("qingpu.county", t, "receiving_bureau")
    await api.at(t, "sending_school")
    refusal = {"decision": "refuse", "reason": "该生本学期学业水平测试未完成，暂缓转出"}
    await api.post("2131000201.reviewer", f"/v1/transfers/{t}/decision", refusal)
    await api.until(t, lambda b: b["state"] == "refused")
    return t


async def _in_review(api: DemoApi) -> str:
    t = await api.file("2131000101", "31", "2131000201", "家长工作调动至徐汇区")
    await api.approve("2131000201.reviewer", t, "receiving_school")
    await api.at(t, "receiving_bureau")
    return t


async def _overdue(api: DemoApi) -> str:
    t = await api.file("2137000201", SHANDONG, "2131000201", "随迁子女入学")
    await api.approve("2131000201.reviewer", t, "receiving_school")
    await api.approve("xuhui.county", t, "receiving_bureau")
    await api.at(t, "sending_school")
    return t


DEMO_RULES = (
    ("31", ProvinceRules(graduating_grades=frozenset({5, 9, 12})), "五四制：小学五年级为毕业年级"),
    (
        SHANDONG,
        ProvinceRules(school_working_days=0, graduating_grades=frozenset({5, 6, 9, 12})),
        "演示：学校步骤当日办结，用于演示逾期与督办",
    ),
)
SCENARIOS = (
    ("已办结：山东（对接省份）→ 上海", _completed),
    ("转出学校不同意", _refused),
    ("审核中：待转入学籍主管部门审核", _in_review),
    ("待山东转出学校审核：当日 23:59:59 后逾期并督办至任城区", _overdue),
)


async def _ready(db: Database) -> bool:
    async with db.sessions() as session:
        found = await session.scalar(
            select(func.count()).where(org_units.table.c.code.in_((*DEMO_SCHOOLS, SHANDONG)))
        )
        return found == len(DEMO_SCHOOLS) + 1


async def seed_demo_transfers(
    *, database_url: str, transfer_url: str, registry_url: str, kafka: str, password: str
) -> list[DemoTransfer]:
    """Create the demo transfers unless transfers exist; the ones created."""
    db = Database(database_url, SCHEMA, pool_size=2)
    try:
        async with db.sessions() as session:
            between_demo_schools = transfers.c.receiving_school_code.in_(
                DEMO_SCHOOLS
            ) & transfers.c.sending_school_code.in_(DEMO_SCHOOLS)
            if await session.scalar(select(func.count()).where(between_demo_schools)):
                return []
        for _ in range(600):
            if await _ready(db):
                break
            await asyncio.sleep(0.1)
        async with db.sessions() as session, session.begin():
            for province, rules, note in DEMO_RULES:
                await set_rules(session, province, rules, note=note)
        async with (
            httpx.AsyncClient(base_url=transfer_url, timeout=60) as transfer,
            httpx.AsyncClient(base_url=registry_url, timeout=60) as registry,
        ):
            api = DemoApi(transfer, registry, DemoLogins(registry, password), kafka)
            ids = await asyncio.gather(*(scenario(api) for _, scenario in SCENARIOS))
        return [DemoTransfer(i, label) for i, (label, _) in zip(ids, SCENARIOS, strict=True)]
    finally:
        await db.dispose()
