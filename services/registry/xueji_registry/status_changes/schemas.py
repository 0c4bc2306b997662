"""Status changes, cohort batches, the 辍学 flag and province rules as the API shows them."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from xueji_common.counting import CountedPage
from xueji_registry.domain.code_tables import StatusChangeType

Decision = Literal["approve", "refuse"]


class StatusChangeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pupil_id: uuid.UUID
    change_type: StatusChangeType
    reason: str = Field(min_length=1, max_length=500)
    effective_on: date | None = Field(None, description="defaults to today (Asia/Shanghai)")
    evidence_document_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Decision
    reason: str | None = Field(None, max_length=500)
    # Makes a repeated request harmless; the server picks one when absent.
    decision_id: str | None = Field(None, min_length=1, max_length=100)


class DecisionRead(BaseModel):
    case_id: uuid.UUID
    decision_id: str
    step: str
    decision: str
    decided_at: datetime


class StepRead(BaseModel):
    step: str
    party_unit: str
    opened_at: datetime
    deadline: datetime | None
    provisional: bool
    overdue: bool
    escalated_to: list[str]
    decision: str | None
    decided_by: str | None
    decided_by_unit: str | None
    reason: str | None
    decided_at: datetime | None


class EventRead(BaseModel):
    type: str
    step: str | None
    actor: dict[str, Any] | None
    decision: str | None
    reason: str | None
    deadline: datetime | None
    escalated_to: str | None
    details: dict[str, Any]
    occurred_at: datetime


class StatusChangeRead(BaseModel):
    id: uuid.UUID
    pupil_id: uuid.UUID
    national_number: str
    pupil_name: str
    school_code: str
    county_code: str
    change_type: str
    change_type_name: str
    reason: str
    effective_on: date
    evidence_document_ids: list[uuid.UUID]
    batch_id: uuid.UUID | None
    workflow_id: str
    state: str
    current_step: str | None
    deadline: datetime | None
    deadline_provisional: bool
    overdue: bool
    escalated_to: list[str]
    filed_by_name: str
    filed_by_unit: str
    filed_at: datetime
    decision: str | None
    decision_reason: str | None
    decided_by_name: str | None
    decided_by_unit: str | None
    decided_at: datetime | None
    previous_status: str | None
    applied_at: datetime | None
    failure_code: str | None
    failure_message: str | None


class StatusChangeDetail(StatusChangeRead):
    # The workflow's own view (its `timeline` query); empty when it can no longer be asked.
    timeline: list[StepRead]
    events: list[EventRead]


class StatusChangePage(CountedPage):
    items: list[StatusChangeRead]


class GraduationBatchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    school_code: str = Field(pattern=r"^\d{10}$")
    grade: int = Field(ge=1, le=12)
    graduation_year: int | None = Field(None, ge=2000, le=2100, description="毕业届别")
    reason: str = Field("毕业", min_length=1, max_length=500)
    effective_on: date | None = None


class ExcludedPupil(BaseModel):
    pupil_id: uuid.UUID
    national_number: str
    name: str
    code: str
    message: str


class BatchRead(BaseModel):
    id: uuid.UUID
    change_type: str
    school_code: str
    grade: int
    graduation_year: int | None
    reason: str
    effective_on: date
    filed_count: int
    excluded: list[ExcludedPupil]
    filed_by_name: str
    filed_at: datetime
    states: dict[str, int]


class BatchDecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Decision
    reason: str | None = Field(None, max_length=500)
    decision_id: str | None = Field(None, min_length=1, max_length=60)


class BatchDecisionRead(BaseModel):
    batch_id: uuid.UUID
    decided: int
    not_decided: list[dict[str, str]]


class LeftSchoolWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    left_school: bool
    reason: str = Field(min_length=1, max_length=500)
    effective_on: date | None = None


class ProvinceRulesWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    allows_repeat_grade: bool
    allows_skip_grade: bool
    evidence_required: list[StatusChangeType]


class ProvinceRulesRead(BaseModel):
    province_code: str
    allows_repeat_grade: bool
    allows_skip_grade: bool
    evidence_required: list[str]
