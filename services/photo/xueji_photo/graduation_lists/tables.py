"""Produced graduation-certificate photo lists; the zip lives in object storage."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import metadata

graduation_lists = Table(
    "graduation_lists",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("unit_code", String(10), nullable=False),
    Column("scope_path", String(80), nullable=False),
    Column("stage", String(10), nullable=False),
    Column("with_photo", Integer, nullable=False),
    Column("missing_photo", Integer, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("produced_by", String(64), nullable=False),
    Column("produced_at", DateTime(timezone=True), nullable=False),
    Index("graduation_lists_unit", "unit_code", "produced_at"),
)
