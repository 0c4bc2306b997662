"""Parent and school access: captchas, failed sign-ins, sessions, registration codes, teachers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SCHEMA = "photo"
UUID = postgresql.UUID(as_uuid=True)
STAMP = sa.DateTime(timezone=True)


def _signing_in() -> None:
    op.create_table(
        "captchas",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("answer", sa.String(16), nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        schema=SCHEMA,
    )
    op.create_index("captchas_expiry", "captchas", ["expires_at"], schema=SCHEMA)
    op.create_table(
        "failed_sign_ins",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("subject", sa.String(64), nullable=False),
        sa.Column("failed_at", STAMP, nullable=False),
        schema=SCHEMA,
    )
    op.create_index(
        "failed_sign_ins_subject", "failed_sign_ins", ["subject", "failed_at"], schema=SCHEMA
    )
    op.create_table(
        "access_sessions",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("subject_id", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
        sa.Column("revoked_at", STAMP, nullable=True),
        schema=SCHEMA,
    )
    op.create_index("access_sessions_expiry", "access_sessions", ["expires_at"], schema=SCHEMA)


def _schools() -> None:
    op.create_table(
        "registration_codes",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("issued_at", STAMP, nullable=False),
        sa.Column("revoked_by", sa.String(64), nullable=True),
        sa.Column("revoked_at", STAMP, nullable=True),
        schema=SCHEMA,
    )
    op.create_index(
        "registration_codes_one_live_per_school",
        "registration_codes",
        ["school_code"],
        unique=True,
        postgresql_where=sa.text("revoked_at IS NULL"),
        schema=SCHEMA,
    )
    op.create_table(
        "teachers",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("school_code", sa.String(10), nullable=False),
        sa.Column("real_name", sa.String(100), nullable=False),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("registration_code_id", UUID, nullable=False),
        sa.Column("registered_at", STAMP, nullable=False),
        sa.Column("disabled_by", sa.String(64), nullable=True),
        sa.Column("disabled_at", STAMP, nullable=True),
        schema=SCHEMA,
    )
    op.create_index("teachers_school", "teachers", ["school_code", "registered_at"], schema=SCHEMA)


def upgrade() -> None:
    _signing_in()
    _schools()


def downgrade() -> None:
    for table in (
        "teachers",
        "registration_codes",
        "access_sessions",
        "failed_sign_ins",
        "captchas",
    ):
        op.drop_table(table, schema=SCHEMA)
