"""Pupils, classes, registration, corrections, evidence documents, record moves.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"
ACTIVE_RECORD = "NOT deleted AND NOT id_conflict AND status IN ('enrolled', 'suspended', 'absent')"


def _now() -> sa.Column:
    return sa.func.now()


def _timestamp(name: str, *, default: bool = True) -> sa.Column:
    if default:
        return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=_now())
    return sa.Column(name, sa.DateTime(timezone=True))


def _prefix_index(name: str, table: str) -> None:
    op.create_index(
        name,
        table,
        ["scope_path"],
        schema=SCHEMA,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )


def _unit_fk() -> sa.ForeignKey:
    return sa.ForeignKey(f"{SCHEMA}.org_units.code")


def _pupil_fk() -> sa.ForeignKey:
    return sa.ForeignKey(f"{SCHEMA}.pupils.id")


def _classes() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("school_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("code", sa.String(10), nullable=False),
        sa.Column("grade", sa.SmallInteger, nullable=False),
        sa.Column("number", sa.SmallInteger, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("teacher_account_id", sa.Uuid, sa.ForeignKey(f"{SCHEMA}.accounts.id")),
        _timestamp("created_at"),
        sa.UniqueConstraint("school_code", "code", name="classes_school_code"),
        schema=SCHEMA,
    )
    op.create_index("classes_teacher", "classes", ["teacher_account_id"], schema=SCHEMA)


def _pupils() -> None:
    op.create_table(
        "pupils",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column(
            "previous_national_numbers", sa.ARRAY(sa.Text), nullable=False, server_default="{}"
        ),
        sa.Column("local_number", sa.Text),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("gender", sa.String(1)),
        sa.Column("birth_date", sa.Date),
        sa.Column("ethnicity", sa.String(2)),
        sa.Column("nationality", sa.String(3)),
        sa.Column("id_type", sa.String(1)),
        sa.Column("id_number", sa.Text),
        sa.Column("household_division", sa.String(6)),
        sa.Column("household_address", sa.Text),
        sa.Column("household_nature", sa.String(10)),
        sa.Column("address", sa.Text),
        sa.Column("guardians", JSONB, nullable=False, server_default="[]"),
        sa.Column("school_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("class_id", sa.Uuid, sa.ForeignKey(f"{SCHEMA}.classes.id")),
        sa.Column("grade", sa.SmallInteger, nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("enrolment_year", sa.SmallInteger, nullable=False),
        sa.Column("graduation_year", sa.SmallInteger, nullable=False),
        sa.Column("status", sa.String(20), nullable=False, server_default="enrolled"),
        sa.Column("registration_state", sa.String(12), nullable=False, server_default="draft"),
        sa.Column("registration_year", sa.SmallInteger),
        _timestamp("registered_at", default=False),
        sa.Column("inclusive_education", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("disability_category", sa.String(10)),
        sa.Column("under_discipline", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("problem_reasons", JSONB, nullable=False, server_default="[]"),
        sa.Column("waived_reasons", JSONB, nullable=False, server_default="[]"),
        sa.Column("problem", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("id_conflict", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("suspect_key", sa.Text),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default="false"),
        _timestamp("deleted_at", default=False),
        sa.Column("open_case_id", sa.Text),
        sa.Column("open_case_kind", sa.String(40)),
        sa.Column("import_batch_id", sa.Text),
        sa.Column("record_version", sa.BigInteger, nullable=False, server_default="1"),
        _timestamp("created_at"),
        _timestamp("updated_at"),
        schema=SCHEMA,
    )
    # One person, one record (一人一籍): enforced here, so concurrent imports cannot both win.
    op.create_index(
        "pupils_active_id_number",
        "pupils",
        ["id_number"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text(f"id_number IS NOT NULL AND {ACTIVE_RECORD}"),
    )
    op.create_index(
        "pupils_active_national_number",
        "pupils",
        ["national_number"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text(ACTIVE_RECORD),
    )
    op.create_index("pupils_national_number", "pupils", ["national_number"], schema=SCHEMA)
    op.create_index("pupils_id_number", "pupils", ["id_number"], schema=SCHEMA)
    _prefix_index("pupils_scope_path", "pupils")
    op.create_index(
        "pupils_school_grade", "pupils", ["school_code", "grade", "class_id"], schema=SCHEMA
    )
    op.create_index(
        "pupils_suspect_key",
        "pupils",
        ["suspect_key"],
        schema=SCHEMA,
        postgresql_where=sa.text("suspect_key IS NOT NULL"),
    )
    op.create_index(
        "pupils_problem_reasons",
        "pupils",
        ["problem_reasons"],
        schema=SCHEMA,
        postgresql_using="gin",
        postgresql_ops={"problem_reasons": "jsonb_path_ops"},
    )


def _histories() -> None:
    op.create_table(
        "pupil_numbers",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk(), nullable=False),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column("form", sa.String(1), nullable=False),
        _timestamp("assigned_at"),
        _timestamp("replaced_at", default=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("actor_account_id", sa.Text),
        schema=SCHEMA,
    )
    op.create_index("pupil_numbers_number", "pupil_numbers", ["national_number"], schema=SCHEMA)
    op.create_index("pupil_numbers_pupil", "pupil_numbers", ["pupil_id"], schema=SCHEMA)
    op.create_table(
        "field_history",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk(), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("source_id", sa.Text),
        sa.Column("actor_account_id", sa.Text),
        sa.Column("actor_name", sa.Text, nullable=False),
        sa.Column("actor_role", sa.String(40), nullable=False),
        _timestamp("changed_at"),
        sa.Column("record_version", sa.BigInteger, nullable=False),
        schema=SCHEMA,
    )
    op.create_index("field_history_pupil", "field_history", ["pupil_id", "id"], schema=SCHEMA)
    op.create_table(
        "number_counters",
        sa.Column("prefix", sa.String(15), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
        schema=SCHEMA,
    )


def _evidence() -> None:
    op.create_table(
        "evidence_documents",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk()),
        sa.Column("unit_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("purpose", sa.String(40), nullable=False),
        sa.Column("bucket", sa.Text, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("uploaded_by", sa.Text, nullable=False),
        sa.Column("uploaded_by_name", sa.Text, nullable=False),
        _timestamp("uploaded_at"),
        schema=SCHEMA,
    )
    op.create_index("evidence_documents_pupil", "evidence_documents", ["pupil_id"], schema=SCHEMA)
    _prefix_index("evidence_documents_scope", "evidence_documents")


def _registration() -> None:
    op.create_table(
        "registration_submissions",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("school_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("school_year", sa.SmallInteger, nullable=False),
        sa.Column("state", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("submitted_by", sa.Text, nullable=False),
        sa.Column("submitted_by_name", sa.Text, nullable=False),
        _timestamp("submitted_at"),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_by_name", sa.Text),
        _timestamp("decided_at", default=False),
        sa.Column("decision_reason", sa.Text),
        schema=SCHEMA,
    )
    _prefix_index("registration_submissions_scope", "registration_submissions")
    op.create_index(
        "registration_submissions_pending",
        "registration_submissions",
        ["school_code"],
        schema=SCHEMA,
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "registration_submission_pupils",
        sa.Column(
            "submission_id",
            sa.Uuid,
            sa.ForeignKey(f"{SCHEMA}.registration_submissions.id"),
            nullable=False,
        ),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk(), nullable=False),
        sa.Column("return_reason", sa.Text),
        sa.PrimaryKeyConstraint("submission_id", "pupil_id"),
        schema=SCHEMA,
    )
    op.create_index(
        "registration_submission_pupils_pupil",
        "registration_submission_pupils",
        ["pupil_id"],
        schema=SCHEMA,
    )


def _corrections_and_moves() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("changes", JSONB, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("evidence_document_ids", sa.ARRAY(sa.Uuid), nullable=False),
        sa.Column("state", sa.String(10), nullable=False, server_default="pending"),
        sa.Column("requested_by", sa.Text, nullable=False),
        sa.Column("requested_by_name", sa.Text, nullable=False),
        sa.Column("requested_by_role", sa.String(40), nullable=False),
        sa.Column("requested_by_unit", sa.String(10), nullable=False),
        _timestamp("requested_at"),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_by_name", sa.Text),
        _timestamp("decided_at", default=False),
        sa.Column("refusal_reason", sa.Text),
        schema=SCHEMA,
    )
    _prefix_index("corrections_scope", "corrections")
    op.create_index(
        "corrections_one_pending",
        "corrections",
        ["pupil_id"],
        unique=True,
        schema=SCHEMA,
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "transfer_moves",
        sa.Column("transfer_id", sa.Text, primary_key=True),
        sa.Column("pupil_id", sa.Uuid, _pupil_fk(), nullable=False),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column("from_school", sa.String(10), nullable=False),
        sa.Column("to_school", sa.String(10), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        schema=SCHEMA,
    )


def upgrade() -> None:
    _classes()
    _pupils()
    _histories()
    _evidence()
    _registration()
    _corrections_and_moves()


def downgrade() -> None:
    for table in (
        "transfer_moves",
        "corrections",
        "registration_submission_pupils",
        "registration_submissions",
        "evidence_documents",
        "number_counters",
        "field_history",
        "pupil_numbers",
        "pupils",
        "classes",
    ):
        op.drop_table(table, schema=SCHEMA)
