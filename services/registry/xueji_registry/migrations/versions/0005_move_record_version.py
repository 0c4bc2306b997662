"""The record version each transfer move produced, so a repeated move answers it too.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def upgrade() -> None:
    # Nullable: moves made before this revision did not keep it.
    op.add_column(
        "transfer_moves", sa.Column("record_version", sa.BigInteger, nullable=True), schema=SCHEMA
    )


def downgrade() -> None:
    op.drop_column("transfer_moves", "record_version", schema=SCHEMA)
