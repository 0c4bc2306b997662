"""The roster: the photo service's own copy of what it needs of each pupil (PIPL: no ID
numbers, birth dates or guardians; the name and local number only for the parent check)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, SmallInteger, String, Table

from xueji_photo.schema import metadata

roster_pupils = Table(
    "roster_pupils",
    metadata,
    Column("pupil_id", String(64), primary_key=True),
    Column("national_number", String(19), nullable=False, unique=True),
    Column("local_number", String(40), nullable=False, server_default=""),
    Column("name", String(100), nullable=False),
    Column("school_code", String(10), nullable=False),
    Column("scope_path", String(80), nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("stage", String(10), nullable=False),
    Column("grade", SmallInteger, nullable=False),
    Column("status", String(20), nullable=False),
    Column("cohort", String(20), nullable=False),
    Column("arrived_from_other_province", Boolean, nullable=False, server_default="false"),
    Column("record_version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("roster_pupils_school", "school_code", "cohort", "national_number"),
    Index("roster_pupils_local_number", "local_number"),
)
