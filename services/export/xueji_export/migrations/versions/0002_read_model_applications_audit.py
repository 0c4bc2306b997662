"""The read model, province settings, documents, applications and the audit chain.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "export"
TZ = sa.DateTime(timezone=True)

# The catalogue's fields as of this revision (key, column type); a later catalogue field
# comes with a migration of its own.
READ_MODEL_FIELDS = (
    ("school_code", sa.Text), ("school_name", sa.Text), ("stage", sa.Text),
    ("grade", sa.Integer), ("class_name", sa.Text), ("enrolment_year", sa.Integer),
    ("graduation_year", sa.Integer), ("status", sa.Text), ("registration_state", sa.Text),
    ("left_school", sa.Boolean), ("has_photo", sa.Boolean), ("last_transfer_from", sa.Text),
    ("last_transfer_on", sa.Date), ("national_number", sa.Text), ("local_number", sa.Text),
    ("name", sa.Text), ("gender_code", sa.Text), ("birth_date", sa.Date),
    ("ethnicity_code", sa.Text), ("nationality_code", sa.Text), ("id_type", sa.Text),
    ("id_number", sa.Text), ("household_division_code", sa.Text),
    ("household_nature_code", sa.Text), ("household_address", sa.Text), ("address", sa.Text),
    ("health_status", sa.Text), ("inclusive_education", sa.Boolean),
    ("disability_category_code", sa.Text), ("guardian_name", sa.Text),
    ("guardian_relation", sa.Text), ("guardian_phone", sa.Text),
    ("guardian_id_number", sa.Text),
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "pupil_read_model",
        sa.Column("pupil_id", sa.String(64), primary_key=True),
        sa.Column("unit_path", sa.Text, nullable=False, server_default=""),
        sa.Column("record_version", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("record_updated_at", TZ, nullable=True),
        sa.Column("photo_changed_at", TZ, nullable=True),
        sa.Column("transfer_completed_at", TZ, nullable=True),
        *(sa.Column(key, kind, nullable=True) for key, kind in READ_MODEL_FIELDS),
        schema=SCHEMA,
    )
    op.create_index(
        "pupil_read_model_scope", "pupil_read_model", ["unit_path", "pupil_id"], schema=SCHEMA,
        postgresql_ops={"unit_path": "text_pattern_ops"},
    )  # fmt: skip
    op.create_table(
        "province_export_settings",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("max_use_days", sa.Integer, nullable=False),
        sa.Column("page_export_counties", ARRAY(sa.String(6)), nullable=False),
        sa.Column("backend_consent_required", sa.Boolean, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        schema=SCHEMA,
    )
    op.create_table(
        "export_documents",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("unit_code", sa.String(10), nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("content_type", sa.Text, nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("uploaded_by", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        schema=SCHEMA,
    )
    op.create_table(
        "export_applications",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("number", sa.String(24), nullable=False, unique=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("applicant_account_id", sa.Text, nullable=False),
        sa.Column("applicant_name", sa.Text, nullable=False),
        sa.Column("applicant_unit", sa.String(10), nullable=False),
        sa.Column("applicant_scope", sa.Text, nullable=False),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("scope_units", ARRAY(sa.String(10)), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("fields", JSONB, nullable=False),
        sa.Column("use_from", sa.Date, nullable=False),
        sa.Column("use_until", sa.Date, nullable=False),
        sa.Column("security_officer", sa.Text, nullable=False),
        sa.Column("handler_account_id", sa.Text, nullable=False),
        sa.Column("handler_name", sa.Text, nullable=False),
        sa.Column("security_plan_document_id", UUID(as_uuid=False), nullable=False),
        sa.Column("consent_document_id", UUID(as_uuid=False), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "export_applications_scope", "export_applications", ["applicant_scope", "created_at"],
        schema=SCHEMA,
    )  # fmt: skip
    op.create_table(
        "audit_records",
        sa.Column("id", UUID(as_uuid=False), primary_key=True),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("sequence", sa.BigInteger, nullable=False),
        sa.Column("occurred_at", TZ, nullable=False),
        sa.Column("actor_account_id", sa.Text, nullable=False),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("actor_role", sa.Text, nullable=False),
        sa.Column("actor_unit", sa.Text, nullable=False),
        sa.Column("client_address", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("details", JSONB, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("province_code", "sequence", name="audit_records_chain_position"),
        schema=SCHEMA,
    )
    op.create_index(
        "audit_records_occurred", "audit_records", ["province_code", "occurred_at"],
        schema=SCHEMA,
    )  # fmt: skip
    op.create_table(
        "audit_chain_heads",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("sequence", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("record_id", sa.Text, nullable=False),
        sa.Column("recorded_at", TZ, nullable=True),
        sa.Column("published_sequence", sa.BigInteger, nullable=False, server_default="0"),
        schema=SCHEMA,
    )


def downgrade() -> None:
    for table in (
        "audit_chain_heads", "audit_records", "export_applications", "export_documents",
        "province_export_settings", "pupil_read_model",
    ):  # fmt: skip
        op.drop_table(table, schema=SCHEMA)
