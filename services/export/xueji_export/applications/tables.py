"""Export applications and the documents attached to them (security plan, written consent)."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from xueji_export.schema import metadata

export_documents = Table(
    "export_documents",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    # "security_plan" or "consent".
    Column("kind", String(20), nullable=False),
    Column("unit_code", String(10), nullable=False),
    Column("filename", Text, nullable=False),
    Column("content_type", Text, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("object_key", Text, nullable=False),
    Column("uploaded_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

export_applications = Table(
    "export_applications",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    Column("number", String(24), nullable=False, unique=True),
    Column("state", String(20), nullable=False),
    Column("applicant_account_id", Text, nullable=False),
    Column("applicant_name", Text, nullable=False),
    Column("applicant_unit", String(10), nullable=False),
    Column("applicant_scope", Text, nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("scope_units", ARRAY(String(10)), nullable=False),
    Column("method", String(10), nullable=False),
    # [{"key": …, "reason": …}] in the catalogue's order.
    Column("fields", JSONB, nullable=False),
    Column("use_from", Date, nullable=False),
    Column("use_until", Date, nullable=False),
    Column("security_officer", Text, nullable=False),
    Column("handler_account_id", Text, nullable=False),
    Column("handler_name", Text, nullable=False),
    Column("security_plan_document_id", UUID(as_uuid=False), nullable=False),
    Column("consent_document_id", UUID(as_uuid=False), nullable=True),
    # "xlsx" or "csv" (files.formats.FileFormat).
    Column("file_format", String(4), nullable=False, server_default="xlsx"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # The applicant's role when filing (NULL on rows filed before it was kept).
    Column("applicant_role", String(40), nullable=True),
    # The approval workflow (approval/launching.py); NULL run id: not started yet.
    Column("workflow_id", Text, nullable=True),
    Column("run_id", Text, nullable=True),
    # The standing of the open step, as the workflow's events tell it (approval/recording.py).
    Column("current_step", String(20), nullable=True),
    Column("current_party_unit", String(10), nullable=True),
    Column("current_party_roles", ARRAY(String(40)), nullable=False, server_default="{}"),
    Column("current_deadline", DateTime(timezone=True), nullable=True),
    Column("current_provisional", Boolean, nullable=False, server_default=text("false")),
    Column("overdue", Boolean, nullable=False, server_default=text("false")),
    Column("escalated_to", String(10), nullable=True),
    # Rows of the file written so far while generating, then the file's row count.
    Column("rows_written", BigInteger, nullable=False, server_default=text("0")),
    Column("failure_code", Text, nullable=True),
    Index("export_applications_scope", "applicant_scope", "created_at"),
    Index("export_applications_inbox", "current_party_unit", "current_deadline"),
)
