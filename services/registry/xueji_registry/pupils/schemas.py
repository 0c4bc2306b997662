"""Request and response bodies of the pupil API."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from xueji_common.counting import CountedPage
from xueji_registry.pupils.state import PupilState, StoredReason

_PHONE = r"^[0-9+\- ]{5,20}$"


class GuardianIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=60)
    relation: str = Field(min_length=1, max_length=20, description="e.g. 父亲, 母亲, 祖父")
    phone: str | None = Field(None, pattern=_PHONE)
    id_type: str | None = Field(None, max_length=1)
    id_number: str | None = Field(None, max_length=40)


class PupilFields(BaseModel):
    """Fields shared by create and update; what the checks look at is kept as typed."""

    model_config = ConfigDict(extra="forbid")
    local_number: str | None = Field(None, max_length=40, description="学籍副号")
    ethnicity: str | None = Field(None, max_length=2, description="GB/T 3304 code")
    nationality: str | None = Field("CHN", max_length=3, description="GB/T 2659 alpha-3")
    id_type: str | None = Field("1", max_length=1, description="code_tables.ID_TYPES code")
    id_number: str | None = Field(None, max_length=40)
    household_division: str | None = Field(None, pattern=r"^\d{6}$")
    household_address: str | None = Field(None, max_length=200)
    household_nature: str | None = Field(None, max_length=10)
    address: str | None = Field(None, max_length=200)
    guardians: list[GuardianIn] = Field(default_factory=list, max_length=4)
    class_id: uuid.UUID | None = None
    inclusive_education: bool = Field(False, description="随班就读")
    disability_category: str | None = Field(None, max_length=10)
    under_discipline: bool = Field(False, description="受处分期间")


class PupilCreate(PupilFields):
    school_code: str | None = Field(
        None, pattern=r"^\d{10}$", description="defaults to the caller's own school"
    )
    name: str = Field(min_length=1, max_length=100)
    gender: str | None = Field(None, max_length=2, description="GB/T 2261.1: 1 男, 2 女")
    birth_date: date | None = None
    grade: int = Field(ge=0, le=20)
    stage: str | None = Field(None, max_length=10, description="derived from the grade if absent")
    enrolment_year: int = Field(ge=1990, le=2100, description="year the current stage began")


class PupilUpdate(BaseModel):
    """Only the fields sent change; core fields of registered pupils need a correction."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=100)
    gender: str | None = Field(None, max_length=2)
    birth_date: date | None = None
    grade: int | None = Field(None, ge=0, le=20)
    stage: str | None = Field(None, max_length=10)
    enrolment_year: int | None = Field(None, ge=1990, le=2100)
    local_number: str | None = Field(None, max_length=40)
    ethnicity: str | None = Field(None, max_length=2)
    nationality: str | None = Field(None, max_length=3)
    id_type: str | None = Field(None, max_length=1)
    id_number: str | None = Field(None, max_length=40)
    household_division: str | None = Field(None, pattern=r"^\d{6}$")
    household_address: str | None = Field(None, max_length=200)
    household_nature: str | None = Field(None, max_length=10)
    address: str | None = Field(None, max_length=200)
    guardians: list[GuardianIn] | None = Field(None, max_length=4)
    class_id: uuid.UUID | None = None
    inclusive_education: bool | None = None
    disability_category: str | None = Field(None, max_length=10)
    under_discipline: bool | None = None
    reason: str | None = Field(None, max_length=200, description="why, for the field history")


class ReasonRead(BaseModel):
    code: str
    field: str
    message: str
    value: str | None = None
    related_national_number: str | None = None

    @classmethod
    def of(cls, reason: StoredReason) -> ReasonRead:
        return cls(**reason.to_json())


class GuardianRead(BaseModel):
    name: str
    relation: str
    phone: str | None
    id_type: str | None
    id_number: str | None


class OpenCase(BaseModel):
    case_id: str
    kind: str


class PupilRead(BaseModel):
    id: uuid.UUID
    national_number: str
    previous_national_numbers: list[str]
    local_number: str | None
    name: str
    gender: str | None
    birth_date: date | None
    ethnicity: str | None
    nationality: str | None
    id_type: str | None
    id_number: str | None
    household_division: str | None
    household_address: str | None
    household_nature: str | None
    address: str | None
    guardians: list[GuardianRead]
    school_code: str
    school_name: str
    class_id: uuid.UUID | None
    class_code: str | None
    class_name: str | None
    grade: int
    stage: str
    enrolment_year: int
    graduation_year: int
    status: str
    registration_state: str
    registration_year: int | None
    inclusive_education: bool
    disability_category: str | None
    under_discipline: bool
    problem: bool
    problem_reasons: list[ReasonRead]
    waived_reasons: list[ReasonRead]
    id_conflict: bool
    deleted: bool
    open_case: OpenCase | None
    record_version: int
    updated_at: datetime

    @classmethod
    def of(cls, state: PupilState) -> PupilRead:
        school_class = state.school_class
        open_case = None
        if state.open_case_id:
            open_case = OpenCase(case_id=state.open_case_id, kind=state.open_case_kind or "")
        return cls(
            **{name: getattr(state, name) for name in _COPIED},
            previous_national_numbers=list(state.previous_national_numbers),
            guardians=[GuardianRead(**g.to_json()) for g in state.guardians],
            school_code=state.school.code,
            school_name=state.school.name,
            class_id=school_class.id if school_class else None,
            class_code=school_class.code if school_class else None,
            class_name=school_class.name if school_class else None,
            problem=state.problem,
            problem_reasons=[ReasonRead.of(r) for r in state.problem_reasons],
            waived_reasons=[ReasonRead.of(r) for r in state.waived_reasons],
            open_case=open_case,
        )


_COPIED = (
    "id", "national_number", "local_number", "name", "gender", "birth_date", "ethnicity",
    "nationality", "id_type", "id_number", "household_division", "household_address",
    "household_nature", "address", "grade", "stage", "enrolment_year", "graduation_year",
    "status", "registration_state", "registration_year", "inclusive_education",
    "disability_category", "under_discipline", "id_conflict", "deleted", "record_version",
    "updated_at",
)  # fmt: skip


class PupilPage(CountedPage):
    items: list[PupilRead]
    limit: int
    offset: int


class FieldHistoryRead(BaseModel):
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    source: str
    source_id: str | None
    actor_account_id: str | None
    actor_name: str
    actor_role: str
    changed_at: datetime
    record_version: int
