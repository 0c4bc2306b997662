"""The audit trail: append-only records, and one head row per chain that writers lock."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from xueji_export.schema import metadata

audit_records = Table(
    "audit_records",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("province_code", String(2), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("actor_account_id", Text, nullable=False),
    Column("actor_name", Text, nullable=False),
    Column("actor_role", Text, nullable=False),
    Column("actor_unit", Text, nullable=False),
    Column("client_address", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("outcome", Text, nullable=False),
    Column("details", JSONB, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("province_code", "sequence", name="audit_records_chain_position"),
    Index("audit_records_occurred", "province_code", "occurred_at"),
)

audit_chain_heads = Table(
    "audit_chain_heads",
    metadata,
    Column("province_code", String(2), primary_key=True),
    Column("sequence", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("record_id", Text, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=True),
    # The sequence last published as export.audit_head; the publisher skips unchanged heads.
    Column("published_sequence", BigInteger, nullable=False, server_default="0"),
    # Where verification starts once retention removed the oldest records: the last removed
    # record's sequence and hash (0 and the genesis hash while nothing was removed).
    Column("anchor_sequence", BigInteger, nullable=False, server_default="0"),
    Column("anchor_hash", String(64), nullable=False, server_default="0" * 64),
)
