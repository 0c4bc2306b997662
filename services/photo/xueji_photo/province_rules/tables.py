"""Each province's photo rules, every version kept (accepted photos name the one they passed)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table
from sqlalchemy.dialects.postgresql import JSONB

from xueji_photo.schema import metadata

province_photo_rules = Table(
    "province_photo_rules",
    metadata,
    Column("province_code", String(2), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("rule_id", String(64), nullable=False),
    Column("rule", JSONB, nullable=False),
    Column("set_by", String(64), nullable=False),
    Column("set_at", DateTime(timezone=True), nullable=False),
)
