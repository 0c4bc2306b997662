"""A unit's accounts by unit: listing them read every account in the country.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def upgrade() -> None:
    op.create_index("accounts_unit", "accounts", ["unit_code"], schema=SCHEMA)


def downgrade() -> None:
    op.drop_index("accounts_unit", table_name="accounts", schema=SCHEMA)
