"""Card batches and their members; the manifest itself lives in object storage."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import metadata

card_batches = Table(
    "card_batches",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("unit_code", String(10), nullable=False),
    Column("scope_path", String(80), nullable=False),
    # 1, 2, 3 … per unit and kind: the 批次 the unit's office talks about.
    Column("batch_number", Integer, nullable=False),
    Column("size", Integer, nullable=False),
    Column("first_sequence", BigInteger, nullable=False),
    Column("last_sequence", BigInteger, nullable=False),
    Column("object_key", Text, nullable=False),
    Column("produced_by", String(64), nullable=False),
    Column("produced_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("unit_code", "kind", "batch_number", name="card_batches_number"),
)

card_batch_members = Table(
    "card_batch_members",
    metadata,
    Column("batch_id", UUID(as_uuid=True), ForeignKey("card_batches.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    # One accepted photo is carded once, whichever unit asked: concurrent batches of
    # overlapping units (a county and its city) cannot both take it.
    Column("photo_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("pupil_id", String(64), nullable=False),
    Column("national_number", String(19), nullable=False),
    Column("acceptance_sequence", BigInteger, nullable=False),
    # The pupil had a card from an earlier photo, reopened and replaced since.
    Column("reprint", Boolean, nullable=False),
    Index("card_batch_members_pupil", "pupil_id"),
)
