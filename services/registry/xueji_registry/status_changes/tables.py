"""Status-change cases, what their workflow reported, cohort batches and province rules.

`status_changes` is the registry's projection of each case: the workflow owns the decision,
the row answers lists and scope checks and carries who filed and who decided.
"""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    Uuid,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

from xueji_registry.schema import metadata

status_change_batches = Table(
    "status_change_batches",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("change_type", String(20), nullable=False),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("grade", SmallInteger, nullable=False),
    Column("graduation_year", SmallInteger),
    Column("reason", Text, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("filed_count", Integer, nullable=False),
    Column("excluded", JSONB, nullable=False, server_default="[]"),
    Column("filed_by", Text, nullable=False),
    Column("filed_by_name", Text, nullable=False),
    Column("filed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index(
        "status_change_batches_scope",
        "scope_path",
        postgresql_ops={"scope_path": "text_pattern_ops"},
    ),
)

status_changes = Table(
    "status_changes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("pupil_id", Uuid, ForeignKey("pupils.id"), nullable=False),
    Column("national_number", String(19), nullable=False),
    Column("pupil_name", Text, nullable=False),
    Column("school_code", String(10), ForeignKey("org_units.code"), nullable=False),
    Column("county_code", String(6), nullable=False),
    Column("scope_path", Text, nullable=False),
    Column("change_type", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("evidence_document_ids", ARRAY(Uuid), nullable=False, server_default="{}"),
    Column("batch_id", Uuid, ForeignKey("status_change_batches.id")),
    Column("workflow_id", Text, nullable=False),
    Column("run_id", Text),
    # filed → in_review → applying → completed | refused | failed
    Column("state", String(12), nullable=False, server_default="filed"),
    Column("current_step", String(40)),
    Column("deadline", DateTime(timezone=True)),
    Column("deadline_provisional", Boolean, nullable=False, server_default="false"),
    Column("overdue", Boolean, nullable=False, server_default="false"),
    Column("escalated_to", ARRAY(Text), nullable=False, server_default="{}"),
    Column("filed_by", Text, nullable=False),
    Column("filed_by_name", Text, nullable=False),
    Column("filed_by_role", String(40), nullable=False),
    Column("filed_by_unit", String(10), nullable=False),
    Column("filed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("decision", String(10)),
    Column("decision_reason", Text),
    Column("decided_by", Text),
    Column("decided_by_name", Text),
    Column("decided_by_role", String(40)),
    Column("decided_by_unit", String(10)),
    Column("decided_at", DateTime(timezone=True)),
    Column("previous_status", String(20)),
    Column("applied_at", DateTime(timezone=True)),
    Column("failure_code", String(60)),
    Column("failure_message", Text),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("status_changes_scope", "scope_path", postgresql_ops={"scope_path": "text_pattern_ops"}),
    Index("status_changes_pupil", "pupil_id"),
    Index("status_changes_batch", "batch_id"),
)

# Every event the workflow recorded, once per event id: the case's audit trail.
status_change_events = Table(
    "status_change_events",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("case_id", Text, nullable=False),
    Column("type", String(60), nullable=False),
    Column("step", String(40)),
    Column("actor", JSONB),
    Column("decision", String(10)),
    Column("reason", Text),
    Column("deadline", DateTime(timezone=True)),
    Column("provisional", Boolean, nullable=False, server_default="false"),
    Column("escalated_to", String(10)),
    Column("details", JSONB, nullable=False, server_default="{}"),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("status_change_events_case", "case_id", "occurred_at"),
)

# Province rules (SPEC §4: 留级/跳级 "where the province allows it"); no row = national default.
status_change_rules = Table(
    "status_change_rules",
    metadata,
    Column("province_code", String(2), ForeignKey("org_units.code"), primary_key=True),
    Column("allows_repeat_grade", Boolean, nullable=False),
    Column("allows_skip_grade", Boolean, nullable=False),
    Column("evidence_required", ARRAY(Text), nullable=False),
    Column("updated_by", Text, nullable=False),
    Column("updated_by_name", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
