"""Schools' registration codes and the teachers registered with them."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, String, Table, Text, text
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import metadata

registration_codes = Table(
    "registration_codes",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("school_code", String(10), nullable=False),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("issued_by", String(64), nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("revoked_by", String(64), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    # Issuing a new code revokes the old one: never two live codes for one school.
    Index(
        "registration_codes_one_live_per_school",
        "school_code",
        unique=True,
        postgresql_where=text("revoked_at IS NULL"),
    ),
)

teachers = Table(
    "teachers",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("school_code", String(10), nullable=False),
    Column("real_name", String(100), nullable=False),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("registration_code_id", UUID(as_uuid=True), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("disabled_by", String(64), nullable=True),
    Column("disabled_at", DateTime(timezone=True), nullable=True),
    Index("teachers_school", "school_code", "registered_at"),
)
