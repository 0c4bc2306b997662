"""Request and response bodies of registration submissions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class SubmissionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    school_code: str | None = Field(None, pattern=r"^\d{10}$", description="defaults to own school")
    pupil_ids: list[uuid.UUID] | None = Field(
        None, min_length=1, max_length=20000, description="default: every submittable pupil"
    )


class PupilReturn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pupil_id: uuid.UUID
    reason: str = Field(min_length=1, max_length=500)


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "return"]
    reason: str | None = Field(None, min_length=1, max_length=500)
    pupil_reasons: list[PupilReturn] = Field(default_factory=list, max_length=20000)

    @model_validator(mode="after")
    def _return_needs_reason(self) -> Decision:
        if self.decision == "return" and not self.reason:
            raise ValueError("a return needs a reason")
        return self


class SubmittedPupil(BaseModel):
    pupil_id: uuid.UUID
    national_number: str
    name: str
    grade: int
    registration_state: str
    return_reason: str | None


class SubmissionRead(BaseModel):
    id: uuid.UUID
    school_code: str
    school_year: int
    state: str
    submitted_by_name: str
    submitted_at: datetime
    decided_by_name: str | None
    decided_at: datetime | None
    decision_reason: str | None
    pupil_count: int
    pupils: list[SubmittedPupil] = Field(default_factory=list)
