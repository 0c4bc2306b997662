"""Foundation: outbox, organisation units, schools, staff accounts.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from xueji_common.outbox.migration import create_outbox_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def upgrade() -> None:
    create_outbox_tables(SCHEMA)
    op.create_table(
        "org_units",
        sa.Column("code", sa.String(10), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_code", sa.String(10), sa.ForeignKey(f"{SCHEMA}.org_units.code")),
        sa.Column("scope_path", sa.Text, nullable=False, unique=True),
        sa.Column("docking", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema=SCHEMA,
    )
    op.create_index(
        "org_units_scope_path_prefix",
        "org_units",
        ["scope_path"],
        schema=SCHEMA,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )
    op.create_index("org_units_parent", "org_units", ["parent_code"], schema=SCHEMA)
    op.create_table(
        "schools",
        sa.Column(
            "code", sa.String(10), sa.ForeignKey(f"{SCHEMA}.org_units.code"), primary_key=True
        ),
        sa.Column("full_name", sa.Text, nullable=False),
        sa.Column(
            "county_code", sa.String(6), sa.ForeignKey(f"{SCHEMA}.org_units.code"), nullable=False
        ),
        sa.Column("category", sa.String(2), nullable=False),
        sa.Column("stages", sa.ARRAY(sa.String(10)), nullable=False),
        sa.Column("special_education", sa.Boolean, nullable=False, server_default="false"),
        schema=SCHEMA,
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column(
            "unit_code", sa.String(10), sa.ForeignKey(f"{SCHEMA}.org_units.code"), nullable=False
        ),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default="true"),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True)),
        sa.Column("created_by", sa.Uuid),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema=SCHEMA,
    )
    op.execute(
        f"INSERT INTO {SCHEMA}.org_units (code, kind, name, parent_code, scope_path) "
        "VALUES ('CN', 'nation', '中华人民共和国教育部', NULL, '/CN/')"
    )


def downgrade() -> None:
    op.drop_table("accounts", schema=SCHEMA)
    op.drop_table("schools", schema=SCHEMA)
    op.drop_table("org_units", schema=SCHEMA)
    op.drop_table("handled_events", schema=SCHEMA)
    op.drop_table("outbox", schema=SCHEMA)
