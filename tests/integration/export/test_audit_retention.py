"""Audit retention on PostgreSQL: a chain with records of random ages loses only those past
its province's retention, verifies afterwards from its anchor, and still shows an edit."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from tests.integration.export.flows import put_settings
from tests.integration.export.world import ExportStack
from xueji_export.audit.chain import GENESIS, RETENTION_ACTION, AuditEntry, record_hash
from xueji_export.audit.retention import apply_retention
from xueji_export.audit.retention_policy import cutoff
from xueji_export.audit.tables import audit_chain_heads, audit_records
from xueji_export.audit.verification import verify_chain
from xueji_export.province_settings.tables import province_export_settings

pytestmark = pytest.mark.integration

# A chain of its own: no other test writes to it, and each example starts it afresh.
CHAIN = "R9"
NOW = datetime.now(UTC)


async def _write_chain(stack: ExportStack, ages_days: list[int], months: int) -> None:
    """The chain's records stamped `ages_days` ago, as the trail would have written them."""
    async with stack.db.sessions() as session, session.begin():
        await session.execute(delete(audit_records).where(audit_records.c.province_code == CHAIN))
        await session.execute(
            delete(audit_chain_heads).where(audit_chain_heads.c.province_code == CHAIN)
        )
        await session.execute(
            delete(province_export_settings).where(
                province_export_settings.c.province_code == CHAIN
            )
        )
        await session.execute(
            insert(province_export_settings).values(
                province_code=CHAIN, max_use_days=90, page_export_counties=[],
                backend_consent_required=True, version=1, updated_at=NOW, updated_by="test",
                audit_retention_months=months,
            )
        )  # fmt: skip
        previous = GENESIS
        for sequence, age in enumerate(ages_days, start=1):
            draft = AuditEntry(
                record_id=str(uuid.uuid4()), province_code=CHAIN, sequence=sequence,
                occurred_at=NOW - timedelta(days=age, minutes=sequence), actor_account_id="a",
                actor_name="孙厅长", actor_role="province_officer", actor_unit=CHAIN,
                client_address="10.0.0.1", action="settings.changed", subject=CHAIN,
                outcome="accepted", details={"n": sequence}, prev_hash=previous, hash="",
            )  # fmt: skip
            entry = replace(draft, hash=record_hash(draft))
            values = {k: v for k, v in entry.__dict__.items() if k != "record_id"}
            await session.execute(insert(audit_records).values(id=entry.record_id, **values))
            previous = entry.hash
        await session.execute(
            insert(audit_chain_heads).values(
                province_code=CHAIN, sequence=len(ages_days), hash=previous, record_id="",
            )
        )  # fmt: skip


async def _stored(stack: ExportStack) -> list[tuple[int, datetime, str]]:
    async with stack.db.sessions() as session:
        rows = await session.execute(
            select(audit_records.c.sequence, audit_records.c.occurred_at, audit_records.c.action)
            .where(audit_records.c.province_code == CHAIN)
            .order_by(audit_records.c.sequence)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


@settings(
    max_examples=12, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
@given(
    ages_days=st.lists(st.integers(min_value=0, max_value=800), min_size=1, max_size=12),
    months=st.integers(min_value=6, max_value=24),
)
async def test_retention_removes_only_records_past_the_setting_and_the_chain_verifies(
    stack: ExportStack, ages_days: list[int], months: int
) -> None:
    await _write_chain(stack, ages_days, months)
    before = await _stored(stack)
    run = await apply_retention(stack.db, CHAIN, NOW)
    after = await _stored(stack)
    removed = [r for r in before if r[0] not in {a[0] for a in after}]
    assert all(occurred < cutoff(NOW, months) for _, occurred, _ in removed)
    # Nothing younger than six months ever goes, whatever the setting.
    assert all(occurred < NOW - timedelta(days=6 * 28) for _, occurred, _ in removed)
    if run is None:
        assert after == before
    else:
        assert run.removed == len(removed) and after[-1][2] == RETENTION_ACTION
    async with stack.db.sessions() as session:
        assert await verify_chain(session, CHAIN) == []


async def test_after_retention_an_edit_is_still_detected(stack: ExportStack) -> None:
    await _write_chain(stack, [500, 400, 300, 10, 5], 6)
    run = await apply_retention(stack.db, CHAIN, NOW)
    assert run is not None and run.anchor_sequence == 3
    async with stack.db.sessions() as session, session.begin():
        await session.execute(
            update(audit_records)
            .where(audit_records.c.province_code == CHAIN, audit_records.c.sequence == 4)
            .values(outcome="refused:FORBIDDEN")
        )
    async with stack.db.sessions() as session:
        findings = await verify_chain(session, CHAIN)
    assert [(f.kind.value, f.sequence) for f in findings] == [("edited", 4)]


async def test_a_retention_setting_below_six_months_is_refused(stack: ExportStack) -> None:
    refused = await put_settings(stack, "65", audit_retention_months=5)
    assert refused.status_code == 422 and refused.json()["code"] == "EXPORT_RETENTION_TOO_SHORT"
    accepted = await put_settings(stack, "65", audit_retention_months=12)
    assert accepted.status_code == 200 and accepted.json()["audit_retention_months"] == 12
