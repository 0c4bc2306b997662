"""Card batches with their members, and graduation-certificate photo lists.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "photo"


def _card_batches() -> None:
    op.create_table(
        "card_batches",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("unit_code", sa.String(10), nullable=False),
        sa.Column("scope_path", sa.String(80), nullable=False),
        sa.Column("batch_number", sa.Integer, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("first_sequence", sa.BigInteger, nullable=False),
        sa.Column("last_sequence", sa.BigInteger, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("produced_by", sa.String(64), nullable=False),
        sa.Column("produced_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("unit_code", "kind", "batch_number", name="card_batches_number"),
        schema=SCHEMA,
    )
    op.create_table(
        "card_batch_members",
        sa.Column(
            "batch_id",
            postgresql.UUID(as_uuid=True),
            sa.ForeignKey(f"{SCHEMA}.card_batches.id"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("photo_id", postgresql.UUID(as_uuid=True), nullable=False, unique=True),
        sa.Column("pupil_id", sa.String(64), nullable=False),
        sa.Column("national_number", sa.String(19), nullable=False),
        sa.Column("acceptance_sequence", sa.BigInteger, nullable=False),
        sa.Column("reprint", sa.Boolean, nullable=False),
        schema=SCHEMA,
    )
    op.create_index("card_batch_members_pupil", "card_batch_members", ["pupil_id"], schema=SCHEMA)


def _graduation_lists() -> None:
    op.create_table(
        "graduation_lists",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("unit_code", sa.String(10), nullable=False),
        sa.Column("scope_path", sa.String(80), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("with_photo", sa.Integer, nullable=False),
        sa.Column("missing_photo", sa.Integer, nullable=False),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("produced_by", sa.String(64), nullable=False),
        sa.Column("produced_at", sa.DateTime(timezone=True), nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "graduation_lists_unit",
        "graduation_lists",
        ["unit_code", "produced_at"],
        schema=SCHEMA,
    )


def upgrade() -> None:
    _card_batches()
    _graduation_lists()


def downgrade() -> None:
    for table in ("graduation_lists", "card_batch_members", "card_batches"):
        op.drop_table(table, schema=SCHEMA)
