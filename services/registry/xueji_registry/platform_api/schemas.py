"""Bodies of the platform API, as /tmp/registry-internal-api.md (the contract) says, plus
fields added since: the lookup's `pupil_id` and the move's `record_version`."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field


class OpenCaseRead(BaseModel):
    case_id: str
    kind: str


class PupilLookup(BaseModel):
    # The stable id the registry's pupil events carry as PupilRecord.pupil_id.
    pupil_id: uuid.UUID
    national_number: str
    name: str
    gender: str | None
    birth_date: date | None
    school_code: str
    school_path: list[str]
    grade: int
    class_code: str | None
    stage: str
    status: str
    registration_state: str
    problem: bool
    open_case: OpenCaseRead | None
    suspended: bool
    disciplined: bool


class CaseClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: str = Field(min_length=1, max_length=40)
    case_id: str = Field(min_length=1, max_length=200)
    # "transfer", "status_change", or a status-change type such as "suspension".
    kind: str = Field(pattern=r"^[a-z_]{1,40}$")


class CaseRelease(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: str = Field(min_length=1, max_length=40)
    case_id: str = Field(min_length=1, max_length=200)


class MoveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: str = Field(min_length=1, max_length=40)
    from_school: str = Field(pattern=r"^\d{10}$")
    to_school: str = Field(pattern=r"^\d{10}$")
    grade: int = Field(ge=1, le=12)
    class_code: str | None = Field(None, max_length=10)


class MoveResult(BaseModel):
    national_number: str
    school_code: str
    moved_at: datetime
    already_moved: bool
    # The record's version after the move: the one its pupil.transferred_in event carries.
    # 0 for a move recorded before the version was kept.
    record_version: int
