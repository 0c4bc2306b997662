"""Request and response bodies of core-field corrections (信息更正)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class CoreChanges(BaseModel):
    """New values of the core fields to correct; only those sent change."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=100)
    id_number: str | None = Field(None, min_length=1, max_length=40)
    birth_date: date | None = None
    gender: str | None = Field(None, min_length=1, max_length=2)


class CorrectionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pupil_id: uuid.UUID
    changes: CoreChanges
    reason: str = Field(min_length=1, max_length=500)
    evidence_document_ids: list[uuid.UUID] = Field(min_length=1, max_length=10)

    @model_validator(mode="after")
    def _something_changes(self) -> CorrectionCreate:
        if not self.changes.model_dump(exclude_none=True):
            raise ValueError("a correction changes at least one core field")
        return self


class CorrectionDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "refuse"]
    reason: str | None = Field(None, min_length=1, max_length=500)

    @model_validator(mode="after")
    def _refusal_needs_reason(self) -> CorrectionDecision:
        if self.decision == "refuse" and not self.reason:
            raise ValueError("a refusal needs a reason")
        return self


class CorrectedField(BaseModel):
    field: str
    old_value: str | None
    new_value: str | None


class CorrectionRead(BaseModel):
    id: uuid.UUID
    pupil_id: uuid.UUID
    changes: list[CorrectedField]
    reason: str
    evidence_document_ids: list[uuid.UUID]
    state: str
    requested_by_name: str
    requested_at: datetime
    decided_by_name: str | None
    decided_at: datetime | None
    refusal_reason: str | None

    @classmethod
    def of(cls, row: object) -> CorrectionRead:
        fields = {name: getattr(row, name) for name in cls.model_fields if name != "changes"}
        return cls(**fields, changes=[CorrectedField(**c) for c in row.changes])
