"""The approval lifecycle: the application's workflow and standing, and its timeline.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "export"
TZ = sa.DateTime(timezone=True)
APPLICATIONS = "export_applications"
STANDING = (
    sa.Column("applicant_role", sa.String(40), nullable=True),
    sa.Column("workflow_id", sa.Text, nullable=True),
    sa.Column("run_id", sa.Text, nullable=True),
    sa.Column("current_step", sa.String(20), nullable=True),
    sa.Column("current_party_unit", sa.String(10), nullable=True),
    sa.Column("current_party_roles", ARRAY(sa.String(40)), nullable=False, server_default="{}"),
    sa.Column("current_deadline", TZ, nullable=True),
    sa.Column("current_provisional", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("overdue", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("escalated_to", sa.String(10), nullable=True),
    sa.Column("rows_written", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("failure_code", sa.Text, nullable=True),
)


def upgrade() -> None:
    for column in STANDING:
        op.add_column(APPLICATIONS, column, schema=SCHEMA)
    op.create_index(
        "export_applications_inbox",
        APPLICATIONS,
        ["current_party_unit", "current_deadline"],
        schema=SCHEMA,
    )
    op.create_table(
        "export_application_events",
        sa.Column("seq", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("event_id", UUID(as_uuid=False), nullable=False, unique=True),
        sa.Column(
            "application_id",
            UUID(as_uuid=False),
            sa.ForeignKey(f"{SCHEMA}.{APPLICATIONS}.id"),
            nullable=False,
        ),
        sa.Column("type", sa.String(60), nullable=False),
        sa.Column("step", sa.String(20), nullable=True),
        sa.Column("actor", JSONB, nullable=True),
        sa.Column("decision", sa.String(20), nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("deadline", TZ, nullable=True),
        sa.Column("provisional", sa.Boolean, nullable=False),
        sa.Column("escalated_to", sa.String(10), nullable=True),
        sa.Column("details", JSONB, nullable=False),
        sa.Column("occurred_at", TZ, nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "export_application_events_application",
        "export_application_events",
        ["application_id", "seq"],
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_table("export_application_events", schema=SCHEMA)
    op.drop_index("export_applications_inbox", APPLICATIONS, schema=SCHEMA)
    for column in reversed(STANDING):
        op.drop_column(APPLICATIONS, column.name, schema=SCHEMA)
