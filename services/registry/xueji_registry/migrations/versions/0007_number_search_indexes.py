"""Indexes for searches that read a whole scope at a province's or the nation's size.

- `pupils_local_number`: a search by number matches the 学籍副号 too, which had no index, so
  the OR of the three numbers could not use the other two indexes either.
- `pupils_id_conflicts`: the bureaus' conflict list filtered every record in the scope.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"


def upgrade() -> None:
    op.create_index(
        "pupils_local_number",
        "pupils",
        ["local_number"],
        schema=SCHEMA,
        postgresql_where=sa.text("local_number IS NOT NULL"),
    )
    op.create_index(
        "pupils_id_conflicts",
        "pupils",
        ["id_number", "id"],
        schema=SCHEMA,
        postgresql_where=sa.text("id_conflict AND NOT deleted"),
    )


def downgrade() -> None:
    op.drop_index("pupils_id_conflicts", table_name="pupils", schema=SCHEMA)
    op.drop_index("pupils_local_number", table_name="pupils", schema=SCHEMA)
