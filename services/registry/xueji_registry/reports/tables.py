"""Monthly reports written to object storage, one per county and month (latest run wins)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
)

from xueji_registry.schema import metadata

monthly_reports = Table(
    "monthly_reports",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("county_code", String(6), ForeignKey("org_units.code"), nullable=False),
    Column("city_code", String(4), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("month", String(7), nullable=False),
    Column("bucket", Text, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("pupil_count", Integer, nullable=False),
    Column("temporary_number_count", Integer, nullable=False),
    Column("j_number_count", Integer, nullable=False),
    Column("run_id", Text, nullable=False),
    Column("generated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("county_code", "month", name="monthly_reports_county_month"),
    Index("monthly_reports_scope", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
)
