from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
)

from xueji_registry.schema import metadata

org_units = Table(
    "org_units",
    metadata,
    Column("code", String(10), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("name", Text, nullable=False),
    Column("parent_code", String(10), ForeignKey("org_units.code"), nullable=True),
    Column("scope_path", Text, nullable=False, unique=True),
    Column("docking", Boolean, nullable=False, server_default="false"),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index(
        "org_units_scope_path_prefix",
        "scope_path",
        postgresql_ops={"scope_path": "text_pattern_ops"},
    ),
    Index("org_units_parent", "parent_code"),
)

schools = Table(
    "schools",
    metadata,
    Column("code", String(10), ForeignKey("org_units.code"), primary_key=True),
    Column("full_name", Text, nullable=False),
    Column("county_code", String(6), ForeignKey("org_units.code"), nullable=False),
    Column("category", String(2), nullable=False),
    Column("stages", ARRAY(String(10)), nullable=False),
    Column("special_education", Boolean, nullable=False, server_default="false"),
)
