"""Audit retention never removes a record younger than the province's setting (at least six
months), and the chain it leaves still verifies from its anchor and still shows tampering."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xueji_common.errors import DomainError
from xueji_export import error_codes
from xueji_export.audit.chain import (
    GENESIS,
    RETENTION_ACTION,
    AuditEntry,
    ChainHead,
    FindingKind,
    record_hash,
    verify,
)
from xueji_export.audit.retention_policy import (
    MINIMUM_RETENTION_MONTHS,
    RecordAge,
    check_retention_months,
    cutoff,
    removable_through,
)

NOW = datetime(2026, 12, 3, 8, tzinfo=UTC)


def _months_before(moment: datetime, months: int) -> datetime:
    """At least `months` months, counted as the shortest such span (months of 28 days)."""
    return moment - timedelta(days=28 * months)


@given(
    ages_days=st.lists(st.integers(min_value=0, max_value=1500), max_size=40),
    months=st.integers(min_value=-5, max_value=60),
    now_offset=st.integers(min_value=0, max_value=3650),
)
def test_retention_never_removes_a_younger_record(
    ages_days: list[int], months: int, now_offset: int
) -> None:
    now = NOW + timedelta(days=now_offset)
    # Ages in any order: clocks step back, records are not always stamped in order.
    records = [
        RecordAge(n, now - timedelta(days=age, hours=n % 24))
        for n, age in enumerate(ages_days, start=1)
    ]
    before = cutoff(now, months)
    through = removable_through(records, before)
    kept_months = max(months, MINIMUM_RETENTION_MONTHS)
    assert before <= _months_before(now, kept_months)
    removed = [r for r in records if r.sequence <= through]
    assert all(r.occurred_at < before for r in removed)
    # A prefix only, and the whole old prefix: the first record kept is young enough.
    assert [r.sequence for r in removed] == list(range(1, through + 1))
    if through < len(records):
        assert records[through].occurred_at >= before


def test_cutoff_counts_calendar_months_in_beijing() -> None:
    assert cutoff(datetime(2026, 8, 31, 2, tzinfo=UTC), 6).isoformat() == (
        "2026-02-28T10:00:00+08:00"
    )
    assert cutoff(NOW, 12).isoformat() == "2025-12-03T16:00:00+08:00"
    assert cutoff(NOW, 3) == cutoff(NOW, MINIMUM_RETENTION_MONTHS)


@pytest.mark.parametrize("months", [-1, 0, 1, 5])
def test_a_setting_below_six_months_is_refused(months: int) -> None:
    with pytest.raises(DomainError) as refused:
        check_retention_months(months)
    assert refused.value.error is error_codes.EXPORT_RETENTION_TOO_SHORT
    assert check_retention_months(6) == 6


def _entry(sequence: int, previous: str, occurred_at: datetime, **changes: object) -> AuditEntry:
    draft = AuditEntry(
        record_id=str(uuid.uuid4()), province_code="31", sequence=sequence,
        occurred_at=occurred_at, actor_account_id="a1", actor_name="孙厅长",
        actor_role="province_officer", actor_unit="31", client_address="10.0.0.1",
        action="settings.changed", subject="31", outcome="accepted", details={}, prev_hash=previous,
        hash="",
    )  # fmt: skip
    draft = replace(draft, **changes)
    return replace(draft, hash=record_hash(draft))


def _chain(ages_days: list[int]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for n, age in enumerate(ages_days, start=1):
        entries.append(
            _entry(n, entries[-1].hash if entries else GENESIS, NOW - timedelta(days=age))
        )
    return entries


def _retain(entries: list[AuditEntry], months: int) -> tuple[list[AuditEntry], ChainHead]:
    """What the retention run leaves: the kept records, its own record, and the anchor."""
    ages = [RecordAge(e.sequence, e.occurred_at) for e in entries]
    through = removable_through(ages, cutoff(NOW, months))
    anchor = ChainHead(through, entries[through - 1].hash)
    kept = entries[through:]
    run = _entry(
        entries[-1].sequence + 1, entries[-1].hash, NOW, action=RETENTION_ACTION,
        details={"removed_through": through, "anchor_hash": anchor.hash},
    )  # fmt: skip
    return [*kept, run], anchor


def _head(entries: list[AuditEntry]) -> ChainHead:
    return ChainHead(entries[-1].sequence, entries[-1].hash)


def test_the_retained_chain_verifies_from_its_anchor_and_still_shows_tampering() -> None:
    entries, anchor = _retain(_chain([400, 300, 250, 190, 100, 20, 1]), 6)
    assert anchor.sequence == 4 and [e.sequence for e in entries] == [5, 6, 7, 8]
    assert verify(entries, _head(entries), anchor) == []
    # Without its anchor the shortened chain looks like what it is: records gone.
    assert verify(entries, _head(entries))[0].kind is FindingKind.DELETED
    edited = [entries[0], replace(entries[1], outcome="refused"), *entries[2:]]
    assert [(f.kind, f.sequence) for f in verify(edited, _head(edited), anchor)] == [
        (FindingKind.EDITED, 6)
    ]
    dropped = [entries[0], *entries[2:]]
    assert FindingKind.DELETED in {f.kind for f in verify(dropped, _head(dropped), anchor)}


def test_an_anchor_no_retention_record_names_is_reported() -> None:
    entries = _chain([400, 300, 20])
    # Someone removed the two oldest by hand and moved the anchor to match.
    moved = ChainHead(2, entries[1].hash)
    findings = verify(entries[2:], _head(entries), moved)
    assert [f.kind for f in findings] == [FindingKind.DELETED]
