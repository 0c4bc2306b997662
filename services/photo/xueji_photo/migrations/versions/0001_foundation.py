"""Foundation: outbox, handled events, the organisation replica.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from xueji_common.outbox.migration import create_org_replica_table, create_outbox_tables

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "photo"


def upgrade() -> None:
    create_outbox_tables(SCHEMA)
    create_org_replica_table(SCHEMA)


def downgrade() -> None:
    from alembic import op

    op.drop_table("org_units", schema=SCHEMA)
    op.drop_table("handled_events", schema=SCHEMA)
    op.drop_table("outbox", schema=SCHEMA)
