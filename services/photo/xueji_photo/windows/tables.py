"""Collection windows, one per cohort and unit."""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, String, Table

from xueji_photo.schema import metadata

collection_windows = Table(
    "collection_windows",
    metadata,
    Column("unit_code", String(10), primary_key=True),
    Column("cohort", String(20), primary_key=True),
    Column("scope_path", String(80), nullable=False),
    Column("opens_on", Date, nullable=False),
    Column("closes_on", Date, nullable=False),
    Column("set_by", String(64), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)
