"""Metadata of evidence documents; the bytes live in object storage."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    Uuid,
    func,
)

from xueji_registry.schema import metadata

evidence_documents = Table(
    "evidence_documents",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id")),
    Column("unit_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("purpose", String(40), nullable=False),
    Column("bucket", Text, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("content_type", String(40), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("uploaded_by", Text, nullable=False),
    Column("uploaded_by_name", Text, nullable=False),
    Column("uploaded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("evidence_documents_pupil", "pupil_id"),
    Index(
        "evidence_documents_scope", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}
    ),
)
