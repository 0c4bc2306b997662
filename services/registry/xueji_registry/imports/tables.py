"""Imports (who, when, which file, what came of it) and the rows each one could not apply."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

from xueji_registry.schema import metadata

imports = Table(
    "imports",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("class_id", Uuid, ForeignKey("classes.id")),
    Column("file_name", Text, nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("file_size", Integer, nullable=False),
    Column("sheet_name", Text, nullable=False),
    Column("headers", ARRAY(Text), nullable=False),
    Column("rows_total", Integer, nullable=False),
    Column("rows_applied", Integer, nullable=False),
    Column("rows_unchanged", Integer, nullable=False),
    Column("rows_failed", Integer, nullable=False),
    Column("imported_by", Text, nullable=False),
    Column("imported_by_name", Text, nullable=False),
    Column("imported_by_role", String(40), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("imports_scope_path", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
    Index("imports_school_file", "school_code", "file_sha256"),
)

# One row per uploaded row that was not applied: its cells as uploaded and every reason.
import_failures = Table(
    "import_failures",
    metadata,
    Column("import_id", Uuid, ForeignKey("imports.id", ondelete="CASCADE"), nullable=False),
    Column("row_number", Integer, nullable=False),
    Column("cells", ARRAY(Text), nullable=False),
    Column("reasons", JSONB, nullable=False),
    PrimaryKeyConstraint("import_id", "row_number"),
)
