"""Classes (班级) of a school."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    func,
)

from xueji_registry.schema import metadata

classes = Table(
    "classes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("code", String(10), nullable=False),
    Column("grade", SmallInteger, nullable=False),
    Column("number", SmallInteger, nullable=False),
    Column("name", Text, nullable=False),
    Column("teacher_account_id", Uuid, ForeignKey("accounts.id")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("school_code", "code", name="classes_school_code"),
    Index("classes_teacher", "teacher_account_id"),
)
