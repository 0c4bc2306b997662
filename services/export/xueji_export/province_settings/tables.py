"""Each province's export settings (数据导出实施细则), kept in the export service's schema."""

from __future__ import annotations

from sqlalchemy import ARRAY, BigInteger, Boolean, Column, DateTime, Integer, String, Table, Text

from xueji_export.schema import metadata

province_export_settings = Table(
    "province_export_settings",
    metadata,
    Column("province_code", String(2), primary_key=True),
    Column("max_use_days", Integer, nullable=False),
    # Counties (GB/T 2260, 6 digits) the province authorised for page export.
    Column("page_export_counties", ARRAY(String(6)), nullable=False),
    # Province and city backend exports need the written consent document.
    Column("backend_consent_required", Boolean, nullable=False),
    # Audit records older than this are removed by the retention run (at least 6).
    Column("audit_retention_months", Integer, nullable=False, server_default="6"),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", Text, nullable=False),
)
