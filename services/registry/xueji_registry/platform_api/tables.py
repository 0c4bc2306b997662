"""Record moves already made, by transfer id, so a repeated move changes nothing."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, String, Table, Text, Uuid

from xueji_registry.schema import metadata

transfer_moves = Table(
    "transfer_moves",
    metadata,
    Column("transfer_id", Text, primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("national_number", String(19), nullable=False),
    Column("from_school", String(10), nullable=False),
    Column("to_school", String(10), nullable=False),
    Column("moved_at", DateTime(timezone=True), nullable=False),
    # The pupil's record_version after the move; null for moves made before it was kept.
    Column("record_version", BigInteger, nullable=True),
)
