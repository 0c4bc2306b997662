"""Transfers as the service keeps them: one row per transfer and its timeline of events.

The workflow owns the truth while a transfer runs; these rows are what `transfer.record_event`
wrote from it, in the same transaction as the outbox rows, for listing, scope and history.
"""

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
    String,
    Table,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from xueji_transfer.schema import metadata

transfers = Table(
    "transfers",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("workflow_id", String(100), nullable=False),
    Column("run_id", String(100), nullable=True),
    Column("pupil_number", String(40), nullable=False),
    # The registry's stable id of the pupil, from its lookup at filing; null for transfers
    # filed before it was kept.
    Column("pupil_id", Uuid, nullable=True),
    Column("pupil_name", Text, nullable=False),
    Column("pupil_gender", String(2), nullable=True),
    Column("pupil_birth_date", Date, nullable=True),
    Column("current_grade", Integer, nullable=False),
    Column("target_grade", Integer, nullable=False),
    Column("target_class", String(40), nullable=True),
    Column("reason", Text, nullable=False),
    Column("evidence_ids", ARRAY(String(40)), nullable=False, server_default="{}"),
    Column("receiving_school_code", String(10), nullable=False),
    Column("receiving_school_name", Text, nullable=False),
    Column("receiving_path", ARRAY(String(10)), nullable=False),
    Column("receiving_scope", Text, nullable=False),
    Column("receiving_county_scope", Text, nullable=False),
    Column("receiving_province", String(2), nullable=False),
    Column("receiving_docks", Boolean, nullable=False),
    Column("sending_school_code", String(10), nullable=False),
    Column("sending_school_name", Text, nullable=False),
    Column("sending_path", ARRAY(String(10)), nullable=False),
    Column("sending_scope", Text, nullable=False),
    Column("sending_county_scope", Text, nullable=False),
    Column("sending_province", String(2), nullable=False),
    Column("sending_docks", Boolean, nullable=False),
    Column("filed_by", JSONB, nullable=False),
    Column("school_working_days", Integer, nullable=False),
    Column("bureau_working_days", Integer, nullable=False),
    Column("state", String(30), nullable=False),
    Column("current_step", String(40), nullable=True),
    Column("current_party_unit", String(10), nullable=True),
    Column("current_party_roles", ARRAY(String(40)), nullable=False, server_default="{}"),
    Column("current_docking_province", String(2), nullable=True),
    Column("current_deadline", DateTime(timezone=True), nullable=True),
    Column("current_provisional", Boolean, nullable=False, server_default="false"),
    Column("overdue", Boolean, nullable=False, server_default="false"),
    Column("escalated_to", String(10), nullable=True),
    Column("failure_code", String(60), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("updated_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("transfers_receiving_scope", "receiving_scope",
          postgresql_ops={"receiving_scope": "text_pattern_ops"}),
    Index("transfers_sending_scope", "sending_scope",
          postgresql_ops={"sending_scope": "text_pattern_ops"}),
    Index("transfers_pupil", "pupil_number"),
    Index("transfers_party", "current_party_unit", "current_step"),
    Index("transfers_overdue", "overdue", postgresql_where=text("overdue")),
    Index("transfers_created", "created_at"),
)  # fmt: skip

timeline = Table(
    "transfer_timeline",
    metadata,
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("transfer_id", String(80), ForeignKey("transfers.id"), nullable=False),
    Column("type", String(60), nullable=False),
    Column("step", String(40), nullable=True),
    Column("actor", JSONB, nullable=True),
    Column("decision", String(20), nullable=True),
    Column("reason", Text, nullable=True),
    Column("deadline", DateTime(timezone=True), nullable=True),
    Column("provisional", Boolean, nullable=False, server_default="false"),
    Column("escalated_to", String(10), nullable=True),
    Column("details", JSONB, nullable=False, server_default="{}"),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Index("transfer_timeline_transfer", "transfer_id", "seq"),
)

# Decisions received from docking provinces, by the province's own id: a repeated or late one
# is recorded once with what became of it and changes nothing.
province_decisions = Table(
    "province_decisions",
    metadata,
    Column("province_decision_id", String(100), primary_key=True),
    Column("province_code", String(2), nullable=False),
    Column("case_id", String(80), nullable=False),
    Column("step", String(40), nullable=True),
    Column("decision", String(20), nullable=True),
    Column("outcome", String(20), nullable=False),
    Column("code", String(60), nullable=True),
    Column("message", Text, nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Each recorded event of a docking province's step looks up the decision behind it.
    Index("province_decisions_case_step", "case_id", "step"),
)
