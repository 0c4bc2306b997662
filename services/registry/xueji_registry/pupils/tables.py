"""Pupil records, their number and field histories, and temporary-number counters."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from xueji_registry.schema import metadata

# A record holds its pupil's place in the registry unless deleted, in conflict or gone;
# the same predicate guards one person, one record in the unique index below.
ACTIVE_RECORD = "NOT deleted AND NOT id_conflict AND status IN ('enrolled', 'suspended', 'absent')"

pupils = Table(
    "pupils",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("national_number", String(19), nullable=False),
    Column("previous_national_numbers", ARRAY(Text), nullable=False, server_default="{}"),
    Column("local_number", Text),
    Column("name", Text, nullable=False),
    Column("gender", String(1)),
    Column("birth_date", Date),
    Column("ethnicity", String(2)),
    Column("nationality", String(3)),
    Column("id_type", String(1)),
    Column("id_number", Text),
    Column("household_division", String(6)),
    Column("household_address", Text),
    Column("household_nature", String(10)),
    Column("address", Text),
    Column("guardians", JSONB, nullable=False, server_default="[]"),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("class_id", Uuid, ForeignKey("classes.id")),
    Column("grade", SmallInteger, nullable=False),
    Column("stage", String(10), nullable=False),
    Column("enrolment_year", SmallInteger, nullable=False),
    Column("graduation_year", SmallInteger, nullable=False),
    Column("status", String(20), nullable=False, server_default="enrolled"),
    Column("registration_state", String(12), nullable=False, server_default="draft"),
    Column("registration_year", SmallInteger),
    Column("registered_at", DateTime(timezone=True)),
    Column("inclusive_education", Boolean, nullable=False, server_default="false"),
    Column("disability_category", String(10)),
    Column("under_discipline", Boolean, nullable=False, server_default="false"),
    Column("problem_reasons", JSONB, nullable=False, server_default="[]"),
    Column("waived_reasons", JSONB, nullable=False, server_default="[]"),
    Column("problem", Boolean, nullable=False, server_default="false"),
    Column("id_conflict", Boolean, nullable=False, server_default="false"),
    Column("suspect_key", Text),
    Column("deleted", Boolean, nullable=False, server_default="false"),
    Column("deleted_at", DateTime(timezone=True)),
    Column("open_case_id", Text),
    Column("open_case_kind", String(40)),
    Column("import_batch_id", Text),
    Column("record_version", BigInteger, nullable=False, server_default="1"),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index(
        "pupils_active_id_number",
        "id_number",
        unique=True,
        postgresql_where=text(f"id_number IS NOT NULL AND {ACTIVE_RECORD}"),
    ),
    Index(
        "pupils_active_national_number",
        "national_number",
        unique=True,
        postgresql_where=text(ACTIVE_RECORD),
    ),
    Index("pupils_national_number", "national_number"),
    Index("pupils_id_number", "id_number"),
    Index("pupils_scope_path", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
    Index("pupils_school_grade", "school_code", "grade", "class_id"),
    Index("pupils_suspect_key", "suspect_key", postgresql_where=text("suspect_key IS NOT NULL")),
    # A search by number also matches the 学籍副号: without this, a bureau's number search read
    # every record in its scope (a province's millions) to find one.
    Index("pupils_local_number", "local_number", postgresql_where=text("local_number IS NOT NULL")),
    # The bureaus' one-record conflict list, in its order; only conflicting records are in it.
    Index(
        "pupils_id_conflicts",
        "id_number",
        "id",
        postgresql_where=text("id_conflict AND NOT deleted"),
    ),
    Index(
        "pupils_problem_reasons",
        "problem_reasons",
        postgresql_using="gin",
        postgresql_ops={"problem_reasons": "jsonb_path_ops"},
        # Only problem records have reasons; a search by reason also filters on `problem`.
        postgresql_where=text("problem"),
    ),
)

# Every national number a pupil held, with when and why it changed (L → G, J issued, …).
pupil_numbers = Table(
    "pupil_numbers",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("national_number", String(19), nullable=False),
    Column("form", String(1), nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("replaced_at", DateTime(timezone=True)),
    Column("reason", Text, nullable=False),
    Column("actor_account_id", Text),
    Index("pupil_numbers_number", "national_number"),
    Index("pupil_numbers_pupil", "pupil_id"),
)

# Old and new value of every changed field: who, when, why (信息更正表 reads it).
field_history = Table(
    "field_history",
    metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("field", String(60), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("reason", Text, nullable=False),
    Column("source", String(20), nullable=False),
    Column("source_id", Text),
    Column("actor_account_id", Text),
    Column("actor_name", Text, nullable=False),
    Column("actor_role", String(40), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("record_version", BigInteger, nullable=False),
    Index("field_history_pupil", "pupil_id", "id"),
)

# The last sequence issued per temporary-number prefix (letter + area + birth date).
number_counters = Table(
    "number_counters",
    metadata,
    Column("prefix", String(15), primary_key=True),
    Column("last", Integer, nullable=False),
)
