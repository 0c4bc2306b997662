"""The roster, collection windows, province photo rules, photos and upload attempts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "photo"


def _roster() -> None:
    op.create_table(
        "roster_pupils",
        sa.Column("pupil_id", sa.String(64), primary_key=True),
        sa.Column("national_number", sa.String(19), nullable=False, unique=True),
        sa.Column("local_number", sa.String(40), nullable=False, server_default=""),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("scope_path", sa.String(80), nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("grade", sa.SmallInteger, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("cohort", sa.String(20), nullable=False),
        sa.Column(
            "arrived_from_other_province", sa.Boolean, nullable=False, server_default="false"
        ),
        sa.Column("record_version", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "roster_pupils_school",
        "roster_pupils",
        ["school_code", "cohort", "national_number"],
        schema=SCHEMA,
    )
    op.create_index("roster_pupils_local_number", "roster_pupils", ["local_number"], schema=SCHEMA)


def _windows_and_rules() -> None:
    op.create_table(
        "collection_windows",
        sa.Column("unit_code", sa.String(10), primary_key=True),
        sa.Column("cohort", sa.String(20), primary_key=True),
        sa.Column("scope_path", sa.String(80), nullable=False),
        sa.Column("opens_on", sa.Date, nullable=False),
        sa.Column("closes_on", sa.Date, nullable=False),
        sa.Column("set_by", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        schema=SCHEMA,
    )
    op.create_table(
        "province_photo_rules",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.String(64), nullable=False),
        sa.Column("rule", postgresql.JSONB, nullable=False),
        sa.Column("set_by", sa.String(64), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        schema=SCHEMA,
    )


def _photos() -> None:
    op.execute(sa.schema.CreateSequence(sa.Sequence("acceptance_sequence", schema=SCHEMA)))
    op.create_table(
        "photos",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("pupil_id", sa.String(64), nullable=False),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("scope_path", sa.String(80), nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("thumbnail_key", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("width_px", sa.Integer, nullable=False),
        sa.Column("height_px", sa.Integer, nullable=False),
        sa.Column("dpi", sa.Integer, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("rule_id", sa.String(64), nullable=False),
        sa.Column("rule_version", sa.Integer, nullable=False),
        sa.Column("cohort", sa.String(20), nullable=False),
        sa.Column("uploader", sa.String(10), nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acceptance_sequence", sa.BigInteger, nullable=False, unique=True),
        sa.Column("reopened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reopened_by", sa.String(64), nullable=True),
        sa.Column("reopen_reason", sa.Text, nullable=True),
        schema=SCHEMA,
    )
    op.create_index(
        "photos_one_accepted_per_pupil",
        "photos",
        ["pupil_id"],
        unique=True,
        postgresql_where=sa.text("reopened_at IS NULL"),
        schema=SCHEMA,
    )
    op.create_index("photos_pupil", "photos", ["pupil_id", "accepted_at"], schema=SCHEMA)
    op.create_table(
        "upload_attempts",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("pupil_id", sa.String(64), nullable=False),
        sa.Column("uploader", sa.String(10), nullable=False),
        sa.Column("account_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("unit_code", sa.String(10), nullable=False),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column(
            "refusal_codes", postgresql.ARRAY(sa.String(64)), nullable=False, server_default="{}"
        ),
        sa.Column("rule_id", sa.String(64), nullable=True),
        sa.Column("rule_version", sa.Integer, nullable=True),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "upload_attempts_pupil", "upload_attempts", ["pupil_id", "attempted_at"], schema=SCHEMA
    )


def upgrade() -> None:
    _roster()
    _windows_and_rules()
    _photos()


def downgrade() -> None:
    for table in (
        "upload_attempts",
        "photos",
        "province_photo_rules",
        "collection_windows",
        "roster_pupils",
    ):
        op.drop_table(table, schema=SCHEMA)
    op.execute(sa.schema.DropSequence(sa.Sequence("acceptance_sequence", schema=SCHEMA)))
