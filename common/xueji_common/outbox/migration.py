"""Alembic operations creating the outbox and handled-events tables in a service's schema.

Called from each service's first migration so the shared tables are defined once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from xueji_common.outbox.tables import notify_trigger_ddl


def create_outbox_tables(schema: str) -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("event_id", sa.Uuid, nullable=False, unique=True),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False),
        sa.Column("aggregate_id", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("trace_id", sa.String(64), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        schema=schema,
    )
    op.create_index(
        "outbox_unpublished",
        "outbox",
        ["seq"],
        schema=schema,
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "handled_events",
        sa.Column("consumer", sa.String(100), nullable=False),
        sa.Column("event_id", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False, server_default="applied"),
        sa.Column("detail", sa.Text, nullable=True),
        sa.Column(
            "handled_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.PrimaryKeyConstraint("consumer", "event_id"),
        schema=schema,
    )
    for statement in notify_trigger_ddl(schema):
        op.execute(statement)


def create_org_replica_table(schema: str) -> None:
    op.create_table(
        "org_units",
        sa.Column("code", sa.String(10), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("parent_code", sa.String(10), nullable=True),
        sa.Column("scope_path", sa.Text, nullable=False),
        sa.Column("docking", sa.Boolean, nullable=False, server_default="false"),
        sa.Column("version", sa.BigInteger, nullable=False),
        schema=schema,
    )
    op.create_index(
        "org_units_scope_prefix",
        "org_units",
        ["scope_path"],
        schema=schema,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )
