"""The problem-reason index covers problem records only.

Nearly every record has no reasons, and every insert paid for an empty-item entry in
the GIN index (200,000 of them per large import). A search by reason also filters on
`problem`, so the planner can use the partial index.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "registry"
INDEX = "pupils_problem_reasons"


def upgrade() -> None:
    op.drop_index(INDEX, table_name="pupils", schema=SCHEMA)
    op.create_index(
        INDEX,
        "pupils",
        ["problem_reasons"],
        schema=SCHEMA,
        postgresql_using="gin",
        postgresql_ops={"problem_reasons": "jsonb_path_ops"},
        postgresql_where=sa.text("problem"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="pupils", schema=SCHEMA)
    op.create_index(
        INDEX,
        "pupils",
        ["problem_reasons"],
        schema=SCHEMA,
        postgresql_using="gin",
        postgresql_ops={"problem_reasons": "jsonb_path_ops"},
    )
