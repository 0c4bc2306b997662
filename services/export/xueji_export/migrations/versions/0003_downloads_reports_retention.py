"""File format, generated files, report requests, audit retention anchors and setting.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import UUID

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "export"
TZ = sa.DateTime(timezone=True)
GENESIS = "0" * 64


def upgrade() -> None:
    op.add_column(
        "export_applications",
        sa.Column("file_format", sa.String(4), nullable=False, server_default="xlsx"),
        schema=SCHEMA,
    )
    op.create_table(
        "export_files",
        sa.Column("generation_id", sa.String(64), primary_key=True),
        sa.Column("application_id", UUID(as_uuid=False), nullable=False),
        sa.Column("file_format", sa.String(4), nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("rows", sa.BigInteger, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("watermark", sa.String(64), nullable=False),
        sa.Column("generated_at", TZ, nullable=False),
        sa.Column("deleted_at", TZ, nullable=True),
        schema=SCHEMA,
    )
    op.create_index(
        "export_files_application", "export_files", ["application_id", "generated_at"],
        schema=SCHEMA,
    )  # fmt: skip
    op.create_table(
        "report_requests",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("unit_code", sa.String(10), nullable=False),
        sa.Column("month", sa.String(7), nullable=True),
        sa.Column("requester_account_id", sa.Text, nullable=False),
        sa.Column("requester_scope", sa.Text, nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("requested_at", TZ, nullable=False),
        sa.Column("available_until", TZ, nullable=False),
        sa.Column("removed_at", TZ, nullable=True),
        schema=SCHEMA,
    )
    op.create_index(
        "report_requests_requester", "report_requests", ["requester_account_id", "requested_at"],
        schema=SCHEMA,
    )  # fmt: skip
    op.create_index(
        "report_requests_available", "report_requests", ["available_until"], schema=SCHEMA
    )
    op.add_column(
        "audit_chain_heads",
        sa.Column("anchor_sequence", sa.BigInteger, nullable=False, server_default="0"),
        schema=SCHEMA,
    )
    op.add_column(
        "audit_chain_heads",
        sa.Column("anchor_hash", sa.String(64), nullable=False, server_default=GENESIS),
        schema=SCHEMA,
    )
    op.add_column(
        "province_export_settings",
        sa.Column("audit_retention_months", sa.Integer, nullable=False, server_default="6"),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_column("province_export_settings", "audit_retention_months", schema=SCHEMA)
    op.drop_column("audit_chain_heads", "anchor_hash", schema=SCHEMA)
    op.drop_column("audit_chain_heads", "anchor_sequence", schema=SCHEMA)
    op.drop_table("report_requests", schema=SCHEMA)
    op.drop_table("export_files", schema=SCHEMA)
    op.drop_column("export_applications", "file_format", schema=SCHEMA)
