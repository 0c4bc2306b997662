"""The audit hash chain names an edited, a deleted and a reordered record."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from xueji_export.audit.chain import (
    GENESIS,
    AuditEntry,
    ChainHead,
    FindingKind,
    record_hash,
    verify,
)

START = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)


def chain(length: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = GENESIS
    for sequence in range(1, length + 1):
        draft = AuditEntry(
            record_id=str(uuid.uuid4()), province_code="31", sequence=sequence,
            occurred_at=START + timedelta(minutes=sequence), actor_account_id="a1",
            actor_name="孙厅长", actor_role="province_officer", actor_unit="31",
            client_address="10.0.0.1", action="settings.changed", subject="31",
            outcome="accepted", details={"max_use_days": sequence}, prev_hash=previous, hash="",
        )  # fmt: skip
        entry = replace(draft, hash=record_hash(draft))
        entries.append(entry)
        previous = entry.hash
    return entries


def head(entries: list[AuditEntry]) -> ChainHead:
    return ChainHead(entries[-1].sequence, entries[-1].hash)


def test_an_intact_chain_has_no_findings() -> None:
    entries = chain(5)
    assert verify(entries, head(entries)) == []
    assert verify([], None) == []


def test_the_hash_covers_every_recorded_fact() -> None:
    entry = chain(1)[0]
    for change in (
        {"actor_name": "张三"}, {"client_address": "10.0.0.2"}, {"outcome": "refused"},
        {"details": {"max_use_days": 2}}, {"occurred_at": START}, {"prev_hash": "1" * 64},
    ):  # fmt: skip
        assert record_hash(replace(entry, **change)) != entry.hash


def test_an_edited_record_is_named() -> None:
    entries = chain(5)
    tampered = [*entries]
    tampered[2] = replace(entries[2], outcome="refused")
    [finding] = verify(tampered, head(entries))
    assert (finding.kind, finding.sequence, finding.record_id) == (
        FindingKind.EDITED, 3, entries[2].record_id,
    )  # fmt: skip


def test_an_edited_record_with_a_recomputed_hash_is_named_by_its_successor() -> None:
    entries = chain(5)
    rewritten = replace(entries[1], actor_name="李四")
    rewritten = replace(rewritten, hash=record_hash(rewritten))
    [finding] = verify([entries[0], rewritten, *entries[2:]], head(entries))
    assert (finding.kind, finding.record_id) == (FindingKind.EDITED, entries[1].record_id)


def test_a_deleted_record_is_named_by_its_position() -> None:
    entries = chain(5)
    [finding] = verify([*entries[:2], *entries[3:]], head(entries))
    assert finding.kind is FindingKind.DELETED
    assert finding.sequence == 4 and "第3条" in finding.detail


def test_deleted_newest_records_are_found_against_the_head() -> None:
    entries = chain(5)
    [finding] = verify(entries[:3], head(entries))
    assert finding.kind is FindingKind.DELETED and "第4至5条" in finding.detail


def test_reordered_records_are_named() -> None:
    entries = chain(5)
    swapped = [
        entries[0],
        replace(entries[2], sequence=2),
        replace(entries[1], sequence=3),
        *entries[3:],
    ]
    findings = verify(swapped, head(entries))
    assert {f.kind for f in findings} == {FindingKind.REORDERED}
    assert {entries[1].record_id, entries[2].record_id} <= {f.record_id for f in findings}
