"""Request and response bodies of the transfer API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, computed_field

from xueji_common.counting import CountedPage

DecisionId = Field(
    None,
    max_length=100,
    description="Idempotency key: repeating a request with the same id changes nothing.",
)


class TransferCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # `pupil_number` is the name of the first release, still accepted.
    national_number: str = Field(
        min_length=1,
        max_length=40,
        validation_alias=AliasChoices("national_number", "pupil_number"),
        description="全国学籍号、临时学籍号或身份证号（旧字段名 pupil_number 仍可用）",
    )
    pupil_name: str = Field(min_length=1, max_length=100)
    sending_province: str = Field(pattern=r"^[1-9][0-9]$", description="转出省份 GB/T 2260 代码")
    target_grade: int = Field(ge=1, le=12)
    target_class: str | None = Field(None, max_length=40)
    reason: str = Field(min_length=1, max_length=500)
    evidence_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "refuse"]
    reason: str | None = Field(None, max_length=500)
    step: str | None = Field(None, max_length=40, description="The step decided, as listed")
    decision_id: str | None = DecisionId


class WithdrawalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=500)
    decision_id: str | None = DecisionId


class ArrivalCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision_id: str | None = DecisionId


class PaperFileSentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    method: str = Field(min_length=1, max_length=40, description="EMS、机要交换、专人送达……")
    tracking: str | None = Field(None, max_length=60)
    decision_id: str | None = DecisionId


class ActorRead(BaseModel):
    account_id: str
    name: str
    role: str
    unit_code: str


class UnitRead(BaseModel):
    code: str
    name: str


class StepRead(BaseModel):
    step: str
    party_unit: str
    party_roles: list[str]
    docking_province: str | None
    opened_at: datetime
    deadline: datetime | None
    provisional: bool
    overdue: bool
    escalated_to: list[str]
    decision: str | None
    decided_by: ActorRead | None
    reason: str | None
    decided_at: datetime | None
    details: dict[str, str]


class TransferSummary(BaseModel):
    id: str
    national_number: str
    pupil_name: str
    receiving_school: UnitRead
    sending_school: UnitRead
    receiving_province: str
    sending_province: str
    target_grade: int
    state: str
    current_step: str | None
    current_party_unit: str | None
    current_deadline: datetime | None
    current_provisional: bool
    overdue: bool
    escalated_to: str | None
    created_at: datetime
    updated_at: datetime

    @computed_field(description="Deprecated: the national number under its first-release name.")
    @property
    def pupil_number(self) -> str:
        return self.national_number


class TransferDetail(TransferSummary):
    workflow_id: str
    target_class: str | None
    reason: str
    evidence_ids: list[str]
    filed_by: ActorRead
    failure_code: str | None
    failure_message: str | None
    # "workflow" when read from the running workflow, "database" from the recorded events.
    timeline_source: Literal["workflow", "database"]
    steps: list[StepRead]


class TransferPage(CountedPage):
    items: list[TransferSummary]
    limit: int
    offset: int


class ReceiptRead(BaseModel):
    transfer_id: str
    decision_id: str
    step: str
    decision: str
    decided_at: datetime


class OverdueStep(BaseModel):
    transfer_id: str
    national_number: str
    pupil_name: str
    step: str
    party_unit: str | None
    deadline: datetime | None
    # The supervising authority the step was escalated to; None before the first escalation.
    authority: str | None


class OverdueAuthority(BaseModel):
    authority: str
    steps: list[OverdueStep]


class OverdueList(BaseModel):
    total: int
    authorities: list[OverdueAuthority]
