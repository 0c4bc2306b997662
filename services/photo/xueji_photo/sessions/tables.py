"""Parent and teacher sessions, by token hash."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, String, Table
from sqlalchemy.dialects.postgresql import UUID

from xueji_photo.schema import metadata

access_sessions = Table(
    "access_sessions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),  # parent | teacher
    # The pupil of a parent session, the teacher of a teacher session.
    Column("subject_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Index("access_sessions_expiry", "expires_at"),
)
