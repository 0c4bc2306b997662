"""Province transfer rules as data (SPEC §5): a row overrides the national defaults."""

from __future__ import annotations

from sqlalchemy import ARRAY, Boolean, Column, DateTime, Integer, String, Table, Text, func

from xueji_transfer.schema import metadata

province_rules = Table(
    "province_rules",
    metadata,
    Column("province_code", String(2), primary_key=True),
    Column("no_transfer_while_suspended", Boolean, nullable=False),
    Column("no_transfer_under_discipline", Boolean, nullable=False),
    Column("same_grade_only", Boolean, nullable=False),
    Column("no_transfer_in_graduating_year", Boolean, nullable=False),
    Column("graduating_grades", ARRAY(Integer), nullable=False),
    Column("school_working_days", Integer, nullable=False),
    Column("bureau_working_days", Integer, nullable=False),
    Column("note", Text, nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
