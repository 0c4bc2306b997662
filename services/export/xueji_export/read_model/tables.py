"""The export read model: one row per pupil, a column per catalogue field (the catalogue's
keys are the column names, as `files/read_model.py` reads them), filled from events only."""

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

pupil_read_model = Table(
    "pupil_read_model",
    metadata,
    Column("pupil_id", String(64), primary_key=True),
    # Empty until the pupil's first registry event arrives (a photo event may come first).
    Column("unit_path", Text, nullable=False, server_default=""),
    Column("record_version", BigInteger, nullable=False, server_default="0"),
    Column("record_updated_at", DateTime(timezone=True), nullable=True),
    # Event times guarding the facts of the other topics against late arrivals.
    Column("photo_changed_at", DateTime(timezone=True), nullable=True),
    Column("transfer_completed_at", DateTime(timezone=True), nullable=True),
    *(Column(f.key, _TYPES[f.value_type], nullable=True) for f in FIELDS),
    # What a generation reads: the scope's pupils by unit path, in pupil order.
    Index(
        "pupil_read_model_scope",
        "unit_path",
        "pupil_id",
        postgresql_ops={"unit_path": "text_pattern_ops"},
    ),
)
