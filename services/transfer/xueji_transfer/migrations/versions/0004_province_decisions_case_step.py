"""Docking-province decisions by case and step: each event recorded for such a step looks its
decision up, and the table grows with every docking-province step ever decided.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "transfer"


def upgrade() -> None:
    op.create_index(
        "province_decisions_case_step", "province_decisions", ["case_id", "step"], schema=SCHEMA
    )


def downgrade() -> None:
    op.drop_index("province_decisions_case_step", table_name="province_decisions", schema=SCHEMA)
