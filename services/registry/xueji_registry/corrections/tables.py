"""Correction requests for registered core fields."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    Column,
    DateTime,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from xueji_registry.schema import metadata

corrections = Table(
    "corrections",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("changes", JSONB, nullable=False),
    Column("reason", Text, nullable=False),
    Column("evidence_document_ids", ARRAY(Uuid), nullable=False),
    Column("state", String(10), nullable=False, server_default="pending"),
    Column("requested_by", Text, nullable=False),
    Column("requested_by_name", Text, nullable=False),
    Column("requested_by_role", String(40), nullable=False),
    Column("requested_by_unit", String(10), nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("decided_by", Text),
    Column("decided_by_name", Text),
    Column("decided_at", DateTime(timezone=True)),
    Column("refusal_reason", Text),
    Index("corrections_scope", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
    Index(
        "corrections_one_pending",
        "pupil_id",
        unique=True,
        postgresql_where=text("state = 'pending'"),
    ),
)
