"""The registry's platform API (`/v1/platform/...`): the one definition of its paths and bodies.

The registry's views serve these models and the transfer service's client parses the answers
with them, so the two sides cannot drift apart. Fields added after the first release (the
lookup's `pupil_id`, the move's `record_version`) have defaults, so a client still reads an
answer from a registry that predates them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

LOOKUP_PATH = "/v1/platform/pupils/lookup"
CLAIM_PATH = "/v1/platform/cases/claim"
RELEASE_PATH = "/v1/platform/cases/release"
MOVE_PATH = "/v1/platform/transfers/{transfer_id}/move"

NationalNumber = Annotated[str, Field(min_length=1, max_length=40)]
CaseId = Annotated[str, Field(min_length=1, max_length=200)]
SchoolCode = Annotated[str, Field(pattern=r"^\d{10}$")]


class LookupQuery(BaseModel):
    """The lookup's query string."""

    # `number` rather than `national_number`: it also takes a temporary number, an earlier
    # number or an ID number, and it is the query parameter clients send today.
    number: NationalNumber
    name: str = Field(min_length=1, max_length=100)


class OpenCase(BaseModel):
    case_id: str
    kind: str


class PupilLookup(BaseModel):
    # The stable id the registry's pupil events carry as PupilRecord.pupil_id.
    pupil_id: uuid.UUID | None = None
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
    # The case holding the pupil's one-open-case lock, if any.
    open_case: OpenCase | None
    suspended: bool
    disciplined: bool


class CaseClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: NationalNumber
    case_id: CaseId
    # "transfer", "status_change", or a status-change type such as "suspension".
    kind: str = Field(pattern=r"^[a-z_]{1,40}$")


class CaseClaimed(BaseModel):
    claimed: bool


class CaseRelease(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: NationalNumber
    case_id: CaseId


class CaseReleased(BaseModel):
    # False when that case did not hold the lock (already released, or never claimed).
    released: bool


class MoveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    national_number: NationalNumber
    from_school: SchoolCode
    to_school: SchoolCode
    grade: int = Field(ge=1, le=12)
    class_code: str | None = Field(None, max_length=10)


class MoveResult(BaseModel):
    national_number: str
    school_code: str
    moved_at: datetime
    already_moved: bool
    # The record's version after the move: the one its pupil.transferred_in event carries.
    # 0 for a move recorded before the version was kept.
    record_version: int = 0
