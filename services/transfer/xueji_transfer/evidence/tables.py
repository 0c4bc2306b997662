"""Evidence documents a receiving school uploads for its transfer applications."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, String, Table, Text, Uuid, func

from xueji_transfer.schema import metadata

evidence_documents = Table(
    "evidence_documents",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("school_code", String(10), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("uploaded_by_name", Text, nullable=False),
    Column("filename", Text, nullable=False),
    Column("content_type", String(60), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("object_key", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("evidence_documents_school", "school_code"),
)
