"""The audit chain on the real stack: concurrent writers never fork it; an edited, a deleted
and a reordered record (tampered with in SQL, as a superuser could) are each found and named,
by the endpoint and by `python -m xueji_export verify-audit`; heads are published; the
province reads its own audit page by page."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from itertools import pairwise

import pytest
from sqlalchemy import insert, select, text

from tests.integration.export.flows import put_settings
from tests.integration.export.world import ExportStack
from tests.integration.harness import eventually
from xueji_export.audit.tables import audit_chain_heads, audit_records
from xueji_export.schema import outbox
from xueji_stack.infrastructure import Infrastructure

pytestmark = pytest.mark.integration
PROVINCE = "64"


async def _changes(stack: ExportStack, count: int) -> None:
    results = await asyncio.gather(
        *(put_settings(stack, PROVINCE, max_use_days=30 + n) for n in range(count))
    )
    assert all(r.status_code == 200 for r in results), [r.text for r in results]


async def _records(stack: ExportStack) -> list[dict]:
    async with stack.db.sessions() as session:
        rows = await session.execute(
            select(audit_records)
            .where(audit_records.c.province_code == PROVINCE)
            .order_by(audit_records.c.sequence)
        )
        return [dict(row) for row in rows.mappings()]


async def _sql(stack: ExportStack, *statements: str, **params: object) -> None:
    async with stack.db.sessions() as session, session.begin():
        for statement in statements:
            await session.execute(text(statement), params)


async def _verification(stack: ExportStack) -> dict:
    response = await stack.export.get(
        f"/v1/provinces/{PROVINCE}/export-audit/verification",
        headers=stack.people.province(PROVINCE),
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_concurrent_writers_keep_one_unbroken_chain(stack: ExportStack) -> None:
    await _changes(stack, 8)
    records = await _records(stack)
    assert [r["sequence"] for r in records] == list(range(1, len(records) + 1))
    assert all(b["prev_hash"] == a["hash"] for a, b in pairwise(records))
    assert await _verification(stack) == {"province_code": PROVINCE, "intact": True, "findings": []}


async def test_an_edited_record_is_found_and_named(
    stack: ExportStack, infrastructure: Infrastructure
) -> None:
    await _changes(stack, 3)
    victim = (await _records(stack))[-2]
    edit = "UPDATE export.audit_records SET client_address = '10.9.9.9' WHERE id = :id"
    await _sql(stack, edit, id=victim["id"])
    try:
        report = await _verification(stack)
        assert report["intact"] is False
        assert report["findings"] == [
            {"kind": "edited", "sequence": victim["sequence"], "record_id": str(victim["id"]),
             "detail": "记录内容被修改"}
        ]  # fmt: skip
        cli = _verify_audit(stack, infrastructure)
        assert cli.returncode == 1 and f"edited #{victim['sequence']} {victim['id']}" in cli.stdout
    finally:
        restore = "UPDATE export.audit_records SET client_address = :address WHERE id = :id"
        await _sql(stack, restore, id=victim["id"], address=victim["client_address"])
    assert (await _verification(stack))["intact"] is True
    assert _verify_audit(stack, infrastructure).returncode == 0


async def test_a_deleted_record_is_found_and_named(stack: ExportStack) -> None:
    await _changes(stack, 3)
    records = await _records(stack)
    victim, successor = records[-2], records[-1]
    await _sql(stack, "DELETE FROM export.audit_records WHERE id = :id", id=victim["id"])
    try:
        [finding] = (await _verification(stack))["findings"]
        assert finding["kind"] == "deleted" and finding["record_id"] == str(successor["id"])
        assert f"第{victim['sequence']}条" in finding["detail"]
    finally:
        async with stack.db.sessions() as session, session.begin():
            await session.execute(insert(audit_records).values(victim))
    assert (await _verification(stack))["intact"] is True


async def test_a_reordered_record_is_found_and_named(stack: ExportStack) -> None:
    await _changes(stack, 3)
    first, second = (await _records(stack))[-3:-1]
    swap = (
        "UPDATE export.audit_records SET sequence = -1 WHERE id = :a",
        "UPDATE export.audit_records SET sequence = :sa WHERE id = :b",
        "UPDATE export.audit_records SET sequence = :sb WHERE id = :a",
    )
    await _sql(stack, *swap, a=first["id"], b=second["id"], sa=first["sequence"],
               sb=second["sequence"])  # fmt: skip
    try:
        findings = (await _verification(stack))["findings"]
        assert {f["kind"] for f in findings} == {"reordered"}
        assert {str(first["id"]), str(second["id"])} <= {f["record_id"] for f in findings}
    finally:
        await _sql(stack, *swap, a=second["id"], b=first["id"], sa=first["sequence"],
                   sb=second["sequence"])  # fmt: skip
    assert (await _verification(stack))["intact"] is True


async def test_the_chain_head_is_published_for_the_province(stack: ExportStack) -> None:
    await _changes(stack, 1)

    async def published() -> bool:
        async with stack.db.sessions() as session:
            head = (
                await session.execute(
                    select(audit_chain_heads).where(audit_chain_heads.c.province_code == PROVINCE)
                )
            ).one()
            sent = await session.scalar(
                select(outbox.c.event_id).where(
                    outbox.c.event_type == "export.audit_head", outbox.c.aggregate_id == PROVINCE
                )
            )
        return head.published_sequence == head.sequence and sent is not None

    await eventually(published, within=30)


async def test_the_province_reads_its_own_audit_page_by_page(stack: ExportStack) -> None:
    await _changes(stack, 3)
    headers = stack.people.province(PROVINCE)
    url = f"/v1/provinces/{PROVINCE}/export-audit"
    first = (await stack.export.get(url, params={"limit": 2}, headers=headers)).json()
    assert [r["sequence"] for r in first["items"]] == [1, 2] and first["next_after"] == 2
    second = await stack.export.get(url, params={"limit": 2, "after": 2}, headers=headers)
    assert [r["sequence"] for r in second.json()["items"]] == [3, 4]
    assert first["items"][1]["prev_hash"] == first["items"][0]["hash"]
    other = await stack.export.get(url, headers=stack.people.province("65"))
    assert other.status_code == 404
    county = await stack.export.get(url, headers=stack.people.county())
    assert county.status_code == 404


def _verify_audit(
    stack: ExportStack, infrastructure: Infrastructure
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **infrastructure.env(),
        "XUEJI_DATABASE_URL": stack.settings.database_url,
        "XUEJI_TOKEN_PUBLIC_KEY_FILE": str(stack.settings.token_public_key_file),
    }
    return subprocess.run(
        [sys.executable, "-m", "xueji_export", "verify-audit"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
