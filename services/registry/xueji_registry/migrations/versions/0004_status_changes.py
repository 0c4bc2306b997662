"""Status-change cases, their events, cohort batches, province rules; monthly reports.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def _unit_fk() -> sa.ForeignKey:
    return sa.ForeignKey(f"{SCHEMA}.org_units.code")


def _created(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def _scope_index(name: str, table: str) -> None:
    op.create_index(
        name,
        table,
        ["scope_path"],
        schema=SCHEMA,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )


def _batches() -> None:
    op.create_table(
        "status_change_batches",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("change_type", sa.String(20), nullable=False),
        sa.Column("school_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("grade", sa.SmallInteger, nullable=False),
        sa.Column("graduation_year", sa.SmallInteger),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("effective_on", sa.Date, nullable=False),
        sa.Column("filed_count", sa.Integer, nullable=False),
        sa.Column("excluded", JSONB, nullable=False, server_default="[]"),
        sa.Column("filed_by", sa.Text, nullable=False),
        sa.Column("filed_by_name", sa.Text, nullable=False),
        _created("filed_at"),
        schema=SCHEMA,
    )
    _scope_index("status_change_batches_scope", "status_change_batches")


def _cases() -> None:
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("pupil_id", sa.Uuid, sa.ForeignKey(f"{SCHEMA}.pupils.id"), nullable=False),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column("pupil_name", sa.Text, nullable=False),
        sa.Column("school_code", sa.String(10), _unit_fk(), nullable=False),
        sa.Column("county_code", sa.String(6), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("change_type", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("effective_on", sa.Date, nullable=False),
        sa.Column("evidence_document_ids", sa.ARRAY(sa.Uuid), nullable=False, server_default="{}"),
        sa.Column("batch_id", sa.Uuid, sa.ForeignKey(f"{SCHEMA}.status_change_batches.id")),
        sa.Column("workflow_id", sa.Text, nullable=False),
        sa.Column("run_id", sa.Text),
        sa.Column("state", sa.String(12), nullable=False, server_default="filed"),
        sa.Column("current_step", sa.String(40)),
        sa.Column("deadline", sa.DateTime(timezone=True)),
        sa.Column("deadline_provisional", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("overdue", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("escalated_to", sa.ARRAY(sa.Text), nullable=False, server_default="{}"),
        sa.Column("filed_by", sa.Text, nullable=False),
        sa.Column("filed_by_name", sa.Text, nullable=False),
        sa.Column("filed_by_role", sa.String(40), nullable=False),
        sa.Column("filed_by_unit", sa.String(10), nullable=False),
        _created("filed_at"),
        sa.Column("decision", sa.String(10)),
        sa.Column("decision_reason", sa.Text),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_by_name", sa.Text),
        sa.Column("decided_by_role", sa.String(40)),
        sa.Column("decided_by_unit", sa.String(10)),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("previous_status", sa.String(20)),
        sa.Column("applied_at", sa.DateTime(timezone=True)),
        sa.Column("failure_code", sa.String(60)),
        sa.Column("failure_message", sa.Text),
        _created("updated_at"),
        schema=SCHEMA,
    )
    _scope_index("status_changes_scope", "status_changes")
    op.create_index("status_changes_pupil", "status_changes", ["pupil_id"], schema=SCHEMA)
    op.create_index("status_changes_batch", "status_changes", ["batch_id"], schema=SCHEMA)


def _events_and_rules() -> None:
    op.create_table(
        "status_change_events",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("case_id", sa.Text, nullable=False),
        sa.Column("type", sa.String(60), nullable=False),
        sa.Column("step", sa.String(40)),
        sa.Column("actor", JSONB),
        sa.Column("decision", sa.String(10)),
        sa.Column("reason", sa.Text),
        sa.Column("deadline", sa.DateTime(timezone=True)),
        sa.Column("provisional", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("escalated_to", sa.String(10)),
        sa.Column("details", JSONB, nullable=False, server_default="{}"),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        _created("recorded_at"),
        schema=SCHEMA,
    )
    op.create_index(
        "status_change_events_case",
        "status_change_events",
        ["case_id", "occurred_at"],
        schema=SCHEMA,
    )
    op.create_table(
        "status_change_rules",
        sa.Column("province_code", sa.String(2), _unit_fk(), primary_key=True),
        sa.Column("allows_repeat_grade", sa.Boolean, nullable=False),
        sa.Column("allows_skip_grade", sa.Boolean, nullable=False),
        sa.Column("evidence_required", sa.ARRAY(sa.Text), nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_by_name", sa.Text, nullable=False),
        _created("updated_at"),
        schema=SCHEMA,
    )


def _monthly_reports() -> None:
    op.create_table(
        "monthly_reports",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("county_code", sa.String(6), _unit_fk(), nullable=False),
        sa.Column("city_code", sa.String(4), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("bucket", sa.Text, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("pupil_count", sa.Integer, nullable=False),
        sa.Column("temporary_number_count", sa.Integer, nullable=False),
        sa.Column("j_number_count", sa.Integer, nullable=False),
        sa.Column("run_id", sa.Text, nullable=False),
        _created("generated_at"),
        sa.UniqueConstraint("county_code", "month", name="monthly_reports_county_month"),
        schema=SCHEMA,
    )
    _scope_index("monthly_reports_scope", "monthly_reports")


def upgrade() -> None:
    _batches()
    _cases()
    _events_and_rules()
    _monthly_reports()


def downgrade() -> None:
    for table in (
        "monthly_reports",
        "status_change_rules",
        "status_change_events",
        "status_changes",
        "status_change_batches",
    ):
        op.drop_table(table, schema=SCHEMA)
