"""The registry's id of each transfer's pupil, named by the lookup at filing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "transfer"


def upgrade() -> None:
    # Nullable: transfers filed before this revision never learnt it.
    op.add_column("transfers", sa.Column("pupil_id", sa.Uuid, nullable=True), schema=SCHEMA)


def downgrade() -> None:
    op.drop_column("transfers", "pupil_id", schema=SCHEMA)
