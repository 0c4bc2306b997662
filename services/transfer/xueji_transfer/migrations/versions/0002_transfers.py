"""Transfers, their timeline, province decisions, evidence, province rules, holiday years.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "transfer"
NOW = sa.func.now()


def _school_columns(side: str) -> list[sa.Column]:
    return [
        sa.Column(f"{side}_school_code", sa.String(10), nullable=False),
        sa.Column(f"{side}_school_name", sa.Text, nullable=False),
        sa.Column(f"{side}_path", postgresql.ARRAY(sa.String(10)), nullable=False),
        sa.Column(f"{side}_scope", sa.Text, nullable=False),
        sa.Column(f"{side}_county_scope", sa.Text, nullable=False),
        sa.Column(f"{side}_province", sa.String(2), nullable=False),
        sa.Column(f"{side}_docks", sa.Boolean, nullable=False),
    ]


def _transfers() -> None:
    op.create_table(
        "transfers",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("workflow_id", sa.String(100), nullable=False),
        sa.Column("run_id", sa.String(100), nullable=True),
        sa.Column("pupil_number", sa.String(40), nullable=False),
        sa.Column("pupil_name", sa.Text, nullable=False),
        sa.Column("pupil_gender", sa.String(2), nullable=True),
        sa.Column("pupil_birth_date", sa.Date, nullable=True),
        sa.Column("current_grade", sa.Integer, nullable=False),
        sa.Column("target_grade", sa.Integer, nullable=False),
        sa.Column("target_class", sa.String(40), nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column(
            "evidence_ids", postgresql.ARRAY(sa.String(40)), nullable=False, server_default="{}"
        ),
        *_school_columns("receiving"),
        *_school_columns("sending"),
        sa.Column("filed_by", postgresql.JSONB, nullable=False),
        sa.Column("school_working_days", sa.Integer, nullable=False),
        sa.Column("bureau_working_days", sa.Integer, nullable=False),
        sa.Column("state", sa.String(30), nullable=False),
        sa.Column("current_step", sa.String(40), nullable=True),
        sa.Column("current_party_unit", sa.String(10), nullable=True),
        sa.Column(
            "current_party_roles",
            postgresql.ARRAY(sa.String(40)),
            nullable=False,
            server_default="{}",
        ),
        sa.Column("current_docking_province", sa.String(2), nullable=True),
        sa.Column("current_deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("current_provisional", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("overdue", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("escalated_to", sa.String(10), nullable=True),
        sa.Column("failure_code", sa.String(60), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        schema=SCHEMA,
    )
    for side in ("receiving", "sending"):
        op.create_index(
            f"transfers_{side}_scope",
            "transfers",
            [f"{side}_scope"],
            schema=SCHEMA,
            postgresql_ops={f"{side}_scope": "text_pattern_ops"},
        )
    op.create_index("transfers_pupil", "transfers", ["pupil_number"], schema=SCHEMA)
    op.create_index(
        "transfers_party", "transfers", ["current_party_unit", "current_step"], schema=SCHEMA
    )
    op.create_index(
        "transfers_overdue",
        "transfers",
        ["overdue"],
        schema=SCHEMA,
        postgresql_where=sa.text("overdue"),
    )
    op.create_index("transfers_created", "transfers", ["created_at"], schema=SCHEMA)


def _timeline() -> None:
    op.create_table(
        "transfer_timeline",
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "transfer_id", sa.String(80), sa.ForeignKey(f"{SCHEMA}.transfers.id"), nullable=False
        ),
        sa.Column("type", sa.String(60), nullable=False),
        sa.Column("step", sa.String(40), nullable=True),
        sa.Column("actor", postgresql.JSONB, nullable=True),
        sa.Column("decision", sa.String(20), nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("deadline", sa.DateTime(timezone=True), nullable=True),
        sa.Column("provisional", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("escalated_to", sa.String(10), nullable=True),
        sa.Column("details", postgresql.JSONB, nullable=False, server_default="{}"),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        schema=SCHEMA,
    )
    op.create_index(
        "transfer_timeline_transfer", "transfer_timeline", ["transfer_id", "seq"], schema=SCHEMA
    )
    op.create_table(
        "province_decisions",
        sa.Column("province_decision_id", sa.String(100), primary_key=True),
        sa.Column("province_code", sa.String(2), nullable=False),
        sa.Column("case_id", sa.String(80), nullable=False),
        sa.Column("step", sa.String(40), nullable=True),
        sa.Column("decision", sa.String(20), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("code", sa.String(60), nullable=True),
        sa.Column("message", sa.Text, nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        schema=SCHEMA,
    )


def _reference_data() -> None:
    op.create_table(
        "evidence_documents",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("uploaded_by", sa.String(64), nullable=False),
        sa.Column("uploaded_by_name", sa.Text, nullable=False),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(60), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        schema=SCHEMA,
    )
    op.create_index(
        "evidence_documents_school", "evidence_documents", ["school_code"], schema=SCHEMA
    )
    op.create_table(
        "province_rules",
        sa.Column("province_code", sa.String(2), primary_key=True),
        sa.Column("no_transfer_while_suspended", sa.Boolean, nullable=False),
        sa.Column("no_transfer_under_discipline", sa.Boolean, nullable=False),
        sa.Column("same_grade_only", sa.Boolean, nullable=False),
        sa.Column("no_transfer_in_graduating_year", sa.Boolean, nullable=False),
        sa.Column("graduating_grades", postgresql.ARRAY(sa.Integer), nullable=False),
        sa.Column("school_working_days", sa.Integer, nullable=False),
        sa.Column("bureau_working_days", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=NOW),
        schema=SCHEMA,
    )
    op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer, primary_key=True),
        sa.Column("holidays", postgresql.ARRAY(sa.Date), nullable=False),
        sa.Column("make_up_days", postgresql.ARRAY(sa.Date), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.Text, nullable=False),
        sa.Column("published_by_account", sa.String(64), nullable=True),
        schema=SCHEMA,
    )


def upgrade() -> None:
    _transfers()
    _timeline()
    _reference_data()


def downgrade() -> None:
    for table in (
        "holiday_years",
        "province_rules",
        "evidence_documents",
        "province_decisions",
        "transfer_timeline",
        "transfers",
    ):
        op.drop_table(table, schema=SCHEMA)
