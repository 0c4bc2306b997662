"""The export read model: one row per pupil, a column per catalogue field (the catalogue's
keys are the column names), filled from events only."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from xueji_export.catalogue import FIELDS, ValueType
from xueji_export.schema import metadata

_TYPES = {
    ValueType.TEXT: Text,
    ValueType.CODE: Text,
    ValueType.DATE: Date,
    ValueType.INTEGER: Integer,
    ValueType.BOOLEAN: Boolean,
}

export_pupils = Table(
    "export_pupils",
    metadata,
    Column("pupil_id", String(64), primary_key=True),
    # Empty until the pupil's first registry event arrives (a photo event may come first).
    Column("scope_path", Text, nullable=False, server_default=""),
    Column("record_version", BigInteger, nullable=False, server_default="0"),
    Column("record_updated_at", DateTime(timezone=True), nullable=True),
    # Event times guarding the facts of the other topics against late arrivals.
    Column("photo_changed_at", DateTime(timezone=True), nullable=True),
    Column("transfer_completed_at", DateTime(timezone=True), nullable=True),
    *(Column(f.key, _TYPES[f.value_type], nullable=True) for f in FIELDS),
    Index("export_pupils_scope", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
)
