"""Excel imports of pupils and the rows each could not apply.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def upgrade() -> None:
    op.create_table(
        "imports",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column(
            "school_code", sa.String(10), sa.ForeignKey(f"{SCHEMA}.org_units.code"), nullable=False
        ),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("class_id", sa.Uuid, sa.ForeignKey(f"{SCHEMA}.classes.id")),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("file_size", sa.Integer, nullable=False),
        sa.Column("sheet_name", sa.Text, nullable=False),
        sa.Column("headers", sa.ARRAY(sa.Text), nullable=False),
        sa.Column("rows_total", sa.Integer, nullable=False),
        sa.Column("rows_applied", sa.Integer, nullable=False),
        sa.Column("rows_unchanged", sa.Integer, nullable=False),
        sa.Column("rows_failed", sa.Integer, nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False),
        sa.Column("imported_by_name", sa.Text, nullable=False),
        sa.Column("imported_by_role", sa.String(40), nullable=False),
        sa.Column(
            "imported_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        schema=SCHEMA,
    )
    op.create_index(
        "imports_scope_path",
        "imports",
        ["scope_path"],
        schema=SCHEMA,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )
    op.create_index("imports_school_file", "imports", ["school_code", "file_sha256"], schema=SCHEMA)
    op.create_table(
        "import_failures",
        sa.Column(
            "import_id",
            sa.Uuid,
            sa.ForeignKey(f"{SCHEMA}.imports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("row_number", sa.Integer, nullable=False),
        sa.Column("cells", sa.ARRAY(sa.Text), nullable=False),
        sa.Column("reasons", JSONB, nullable=False),
        sa.PrimaryKeyConstraint("import_id", "row_number"),
        schema=SCHEMA,
    )


def downgrade() -> None:
    op.drop_table("import_failures", schema=SCHEMA)
    op.drop_table("imports", schema=SCHEMA)
