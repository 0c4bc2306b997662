"""The audit hash chain (审计链), pure: canonical encoding, hashing, verification.

One chain per province ("CN" for national-level records): a province's records link only to
each other, so the province can keep, query and verify its own chain, and the head it
receives (export.audit_head) covers exactly its records.

A record's hash is SHA-256 over the previous record's hash and the record's canonical
encoding (sorted-key JSON, UTF-8, timestamps as UTC ISO 8601 with microseconds). The sequence
number is deliberately not hashed: it only says where the record stands, and a record whose
`prev_hash` is another record's hash than its predecessor's is thereby seen as moved.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

GENESIS = "0" * 64
# The action of the record a retention run appends; it names the anchor it left.
RETENTION_ACTION = "audit.retention"


@dataclass(frozen=True)
class AuditEntry:
    """One audit record as stored: what happened and where it stands in its chain."""

    record_id: str
    province_code: str
    sequence: int
    occurred_at: datetime
    actor_account_id: str
    actor_name: str
    actor_role: str
    actor_unit: str
    client_address: str
    action: str
    subject: str
    outcome: str
    details: Mapping[str, Any]
    prev_hash: str
    hash: str


def canonical(entry: AuditEntry) -> bytes:
    """The bytes a record's hash covers (everything but its sequence and its own hash)."""
    body = {
        "record_id": entry.record_id,
        "province_code": entry.province_code,
        "occurred_at": entry.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor": [entry.actor_account_id, entry.actor_name, entry.actor_role, entry.actor_unit],
        "client_address": entry.client_address,
        "action": entry.action,
        "subject": entry.subject,
        "outcome": entry.outcome,
        "details": entry.details,
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def record_hash(entry: AuditEntry) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


class FindingKind(StrEnum):
    EDITED = "edited"
    DELETED = "deleted"
    REORDERED = "reordered"


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    # The record concerned: the edited or moved one, or for a deletion the record after the gap
    # (empty when the chain's newest records were deleted).
    sequence: int
    record_id: str
    detail: str


@dataclass(frozen=True)
class ChainHead:
    sequence: int
    hash: str


ORIGIN = ChainHead(0, GENESIS)


def verify(
    entries: Sequence[AuditEntry], head: ChainHead | None, anchor: ChainHead = ORIGIN
) -> list[Finding]:
    """Every break in one chain, `entries` in sequence order; an empty list means intact.

    `head` is the newest record's sequence and hash as last recorded (the chain head row, or a
    copy a province kept from export.audit_head); it reveals deleted newest records.
    `anchor` is where the chain starts once retention removed its oldest records: the last
    removed record's sequence and hash; the newest retention record must name it.
    """
    findings = _anchor_findings(entries, anchor)
    stored_hashes = {entry.hash for entry in entries}
    previous_hash, previous_sequence = anchor.hash, anchor.sequence
    previous: AuditEntry | None = None
    for entry in entries:
        if entry.sequence != previous_sequence + 1:
            missing = _range_text(previous_sequence + 1, entry.sequence - 1)
            findings.append(
                Finding(FindingKind.DELETED, entry.sequence, entry.record_id, f"缺少第{missing}条")
            )
        elif entry.prev_hash != previous_hash and entry.prev_hash in stored_hashes:
            findings.append(
                Finding(FindingKind.REORDERED, entry.sequence, entry.record_id, "记录位置被调换")
            )
        elif record_hash(entry) != entry.hash:
            findings.append(
                Finding(FindingKind.EDITED, entry.sequence, entry.record_id, "记录内容被修改")
            )
        elif entry.prev_hash != previous_hash and previous is not None:
            # The predecessor was rewritten with a freshly computed hash of its own.
            findings.append(
                Finding(FindingKind.EDITED, previous.sequence, previous.record_id, "记录被改写")
            )
        previous_hash, previous_sequence, previous = entry.hash, entry.sequence, entry
    if head is not None and head.sequence > previous_sequence:
        missing = _range_text(previous_sequence + 1, head.sequence)
        findings.append(Finding(FindingKind.DELETED, head.sequence, "", f"缺少第{missing}条"))
    elif head is not None and head.sequence == previous_sequence and head.hash != previous_hash:
        last = entries[-1] if entries else None
        findings.append(
            Finding(
                FindingKind.EDITED,
                head.sequence,
                last.record_id if last else "",
                "最新记录与链头不符",
            )
        )
    return findings


def _anchor_findings(entries: Sequence[AuditEntry], anchor: ChainHead) -> list[Finding]:
    """An anchor no retention record accounts for means records were removed by hand."""
    runs = [entry for entry in entries if entry.action == RETENTION_ACTION]
    named = (
        ChainHead(int(runs[-1].details.get("removed_through", -1)),
                  str(runs[-1].details.get("anchor_hash", "")))
        if runs else ORIGIN
    )  # fmt: skip
    if named == anchor:
        return []
    return [
        Finding(
            FindingKind.DELETED,
            anchor.sequence,
            runs[-1].record_id if runs else "",
            f"第1至{anchor.sequence}条记录的删除没有保留期记录",
        )
    ]


def _range_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}至{last}"
