"""Captchas waiting for their answer; each is taken once, right or wrong."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, String, Table
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import metadata

captchas = Table(
    "captchas",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    # Kept here, never sent: the client gets only the picture.
    Column("answer", String(16), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Index("captchas_expiry", "expires_at"),
)
