"""What the approval lifecycle stores beside the application row: its workflow's events (the
timeline). The files generated for it are `files.tables.export_files`."""

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
