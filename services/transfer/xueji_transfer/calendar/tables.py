"""Published holiday schedules, one row per year (seeded from chinese_calendar)."""

from __future__ import annotations

from sqlalchemy import ARRAY, Column, Date, DateTime, Integer, String, Table, Text

from xueji_transfer.schema import metadata

holiday_years = Table(
    "holiday_years",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("holidays", ARRAY(Date), nullable=False),
    Column("make_up_days", ARRAY(Date), nullable=False),
    # "chinese_calendar" for the seeded years, "operator" once the national operator published it.
    Column("source", String(20), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("published_by", Text, nullable=False),
    Column("published_by_account", String(64), nullable=True),
)
