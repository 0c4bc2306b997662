"""Failed sign-ins, by hashed subject (a number, a username or an address: never in plain)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Identity, Index, String, Table

from xueji_photo.schema import metadata

failed_sign_ins = Table(
    "failed_sign_ins",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("subject", String(64), nullable=False),
    Column("failed_at", DateTime(timezone=True), nullable=False),
    Index("failed_sign_ins_subject", "subject", "failed_at"),
)
