"""Report requests: a registry report fetched for its requester and kept for a short while."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, String, Table, Text
from sqlalchemy.dialects.postgresql import UUID

from xueji_export.schema import metadata

report_requests = Table(
    "report_requests",
    metadata,
    Column("id", UUID(as_uuid=False), primary_key=True),
    # "registry_report" or "no_national_number".
    Column("kind", String(24), nullable=False),
    # The school (registry report) or county (monthly report) the report is of.
    Column("unit_code", String(10), nullable=False),
    # YYYY-MM of a monthly report.
    Column("month", String(7), nullable=True),
    Column("requester_account_id", Text, nullable=False),
    Column("requester_scope", Text, nullable=False),
    Column("province_code", String(2), nullable=False),
    Column("object_key", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("available_until", DateTime(timezone=True), nullable=False),
    # When the sweep removed the object, once available_until passed.
    Column("removed_at", DateTime(timezone=True), nullable=True),
    Index("report_requests_requester", "requester_account_id", "requested_at"),
    Index("report_requests_available", "available_until"),
)
