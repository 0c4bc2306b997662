"""A school's registration submissions (上报) and the pupils in each."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    Uuid,
    func,
    text,
)

from xueji_registry.schema import metadata

submissions = Table(
    "registration_submissions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("school_year", SmallInteger, nullable=False),
    Column("state", String(10), nullable=False, server_default="pending"),
    Column("submitted_by", Text, nullable=False),
    Column("submitted_by_name", Text, nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("decided_by", Text),
    Column("decided_by_name", Text),
    Column("decided_at", DateTime(timezone=True)),
    Column("decision_reason", Text),
    Index(
        "registration_submissions_scope",
        "scope_path",
        postgresql_ops={"scope_path": "text_pattern_ops"},
    ),
    Index(
        "registration_submissions_pending",
        "school_code",
        postgresql_where=text("state = 'pending'"),
    ),
)

submission_pupils = Table(
    "registration_submission_pupils",
    metadata,
    Column("submission_id", Uuid, ForeignKey("registration_submissions.id"), nullable=False),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("return_reason", Text),
    PrimaryKeyConstraint("submission_id", "pupil_id"),
    Index("registration_submission_pupils_pupil", "pupil_id"),
)
