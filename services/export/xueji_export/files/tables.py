"""Generated files: one row per generation, the object it left in storage and its watermark.

The generation writes the row when the upload is done (`files.records.record_generated`);
the downloads read it to find the object and to say in the audit which generation and
watermark a link served; the expiry marks it deleted when it removes the object.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, String, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from xueji_export.schema import metadata

export_files = Table(
    "export_files",
    metadata,
    Column("generation_id", String(64), primary_key=True),
    Column("application_id", UUID(as_uuid=False), nullable=False),
    Column("file_format", String(4), nullable=False),
    Column("object_key", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("watermark", String(64), nullable=False),
    Column("generated_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Index("export_files_application", "application_id", "generated_at"),
)
