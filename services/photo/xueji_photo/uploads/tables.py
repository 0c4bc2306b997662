"""Accepted photos and every upload attempt; the images themselves live in object storage."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    Sequence,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import SCHEMA, metadata

# Platform-wide order of acceptance; card batches are made in this order.
acceptance_sequence = Sequence("acceptance_sequence", schema=SCHEMA, metadata=metadata)

photos = Table(
    "photos",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("pupil_id", String(64), nullable=False),
    Column("national_number", String(19), nullable=False),
    Column("school_code", String(10), nullable=False),
    Column("scope_path", String(80), nullable=False),
    Column("object_key", Text, nullable=False),
    Column("thumbnail_key", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("width_px", Integer, nullable=False),
    Column("height_px", Integer, nullable=False),
    Column("dpi", Integer, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("rule_id", String(64), nullable=False),
    Column("rule_version", Integer, nullable=False),
    Column("cohort", String(20), nullable=False),
    Column("uploader", String(10), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("accepted_at", DateTime(timezone=True), nullable=False),
    Column("acceptance_sequence", BigInteger, nullable=False, unique=True),
    Column("reopened_at", DateTime(timezone=True), nullable=True),
    Column("reopened_by", String(64), nullable=True),
    Column("reopen_reason", Text, nullable=True),
    # One photo per pupil is final: a second acceptance fails here, whatever raced with it.
    Index(
        "photos_one_accepted_per_pupil",
        "pupil_id",
        unique=True,
        postgresql_where=text("reopened_at IS NULL"),
    ),
    Index("photos_pupil", "pupil_id", "accepted_at"),
)

upload_attempts = Table(
    "upload_attempts",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("pupil_id", String(64), nullable=False),
    Column("uploader", String(10), nullable=False),
    Column("account_id", String(64), nullable=False),
    Column("role", String(40), nullable=False),
    Column("unit_code", String(10), nullable=False),
    Column("attempted_at", DateTime(timezone=True), nullable=False),
    # accepted | refused | outside_window | already_accepted
    Column("outcome", String(20), nullable=False),
    Column("refusal_codes", ARRAY(String(64)), nullable=False, server_default="{}"),
    Column("rule_id", String(64), nullable=True),
    Column("rule_version", Integer, nullable=True),
    Column("size_bytes", BigInteger, nullable=False),
    Index("upload_attempts_pupil", "pupil_id", "attempted_at"),
)
