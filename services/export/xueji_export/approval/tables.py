"""What the approval lifecycle stores beside the application row: its workflow's events (the
timeline) and the files generated for it."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from xueji_export.schema import metadata

# One row per event the approval workflow recorded, deduplicated by its event id.
application_events = Table(
    "export_application_events",
    metadata,
    Column("seq", BigInteger, Identity(), primary_key=True),
    Column("event_id", UUID(as_uuid=False), nullable=False, unique=True),
    Column(
        "application_id",
        UUID(as_uuid=False),
        ForeignKey("export_applications.id"),
        nullable=False,
    ),
    Column("type", String(60), nullable=False),
    Column("step", String(20), nullable=True),
    Column("actor", JSONB, nullable=True),
    Column("decision", String(20), nullable=True),
    Column("reason", Text, nullable=True),
    Column("deadline", DateTime(timezone=True), nullable=True),
    Column("provisional", Boolean, nullable=False),
    Column("escalated_to", String(10), nullable=True),
    Column("details", JSONB, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Index("export_application_events_application", "application_id", "seq"),
)

# The file generated for an application (one per generation; a retried generation writes a
# new one). Its objects live under "<application number>/" in the exports bucket.
export_files = Table(
    "export_files",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column(
        "application_id",
        UUID(as_uuid=False),
        ForeignKey("export_applications.id"),
        nullable=False,
    ),
    Column("object_key", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("watermark", Text, nullable=False),
    Column("generated_at", DateTime(timezone=True), nullable=False),
    # Set when the period of use ended and the objects were removed from storage.
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Index("export_files_application", "application_id"),
)
