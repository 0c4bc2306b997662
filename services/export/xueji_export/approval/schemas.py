"""Request and response bodies of the approval lifecycle's API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from xueji_common.counting import CountedPage
from xueji_export.applications.schemas import ApplicationRead

DecisionId = Field(
    None, max_length=64, description="Repeat a lost request with the same id: answered once"
)


class DecisionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "refuse"]
    reason: str | None = Field(None, max_length=500, description="required to refuse")
    decision_id: str | None = DecisionId


class ExecutionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision_id: str | None = DecisionId


class ReceiptRead(BaseModel):
    application_id: str
    decision_id: str
    step: str
    decision: str
    decided_at: datetime


class ActorRead(BaseModel):
    account_id: str
    name: str
    role: str
    unit_code: str


class StepRead(BaseModel):
    step: str
    party_unit: str | None
    party_roles: list[str]
    opened_at: datetime
    deadline: datetime | None
    provisional: bool
    overdue: bool
    escalated_to: list[str]
    decision: str | None
    decided_by: ActorRead | None
    reason: str | None
    decided_at: datetime | None


class EventRead(BaseModel):
    type: str
    occurred_at: datetime
    step: str | None
    actor: ActorRead | None
    decision: str | None
    reason: str | None
    deadline: datetime | None
    escalated_to: str | None


class TimelineRead(BaseModel):
    application_id: str
    number: str
    state: str
    current_step: str | None
    rows_written: int
    steps: list[StepRead]
    events: list[EventRead]


class InboxItem(BaseModel):
    application: ApplicationRead
    step: str
    party_unit: str | None
    deadline: datetime | None
    provisional: bool
    overdue: bool
    escalated_to: str | None


class InboxPage(CountedPage):
    items: list[InboxItem]
    limit: int
    offset: int
