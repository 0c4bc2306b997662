"""A pupil record as the service layer handles it: plain values, no I/O."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from xueji_registry.domain.reasons import Reason


@dataclass(frozen=True)
class StoredReason:
    """A problem reason as stored on the record (JSONB) and carried by events."""

    code: str
    field: str
    message: str
    value: str | None = None
    # For one-person-one-record conflicts: the record holding the ID number.
    related_national_number: str | None = None

    @classmethod
    def of(cls, reason: Reason) -> StoredReason:
        return cls(str(reason.code), reason.field, reason.message, reason.value)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoredReason:
        return cls(
            code=data["code"],
            field=data["field"],
            message=data["message"],
            value=data.get("value"),
            related_national_number=data.get("related_national_number"),
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "field": self.field, "message": self.message}
        if self.value is not None:
            data["value"] = self.value
        if self.related_national_number is not None:
            data["related_national_number"] = self.related_national_number
        return data

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.field)


@dataclass(frozen=True)
class Guardian:
    name: str
    relation: str
    phone: str | None = None
    id_type: str | None = None
    id_number: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Guardian:
        return cls(
            name=data["name"],
            relation=data["relation"],
            phone=data.get("phone"),
            id_type=data.get("id_type"),
            id_number=data.get("id_number"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "relation": self.relation,
            "phone": self.phone,
            "id_type": self.id_type,
            "id_number": self.id_number,
        }


@dataclass(frozen=True)
class SchoolRef:
    """The school holding a record, with what validation and events need of it."""

    code: str
    name: str
    path: tuple[str, ...]  # root first, the school's own code last
    county_code: str
    stages: frozenset[str]
    special_education: bool = False

    @property
    def province_code(self) -> str:
        return self.path[1]

    @property
    def scope_path(self) -> str:
        return "/" + "/".join(self.path) + "/"


@dataclass(frozen=True)
class ClassRef:
    id: uuid.UUID
    school_code: str
    code: str
    grade: int
    name: str
    teacher_account_id: uuid.UUID | None = None


@dataclass(frozen=True)
class PupilState:
    id: uuid.UUID
    national_number: str
    name: str
    gender: str | None
    birth_date: date | None
    school: SchoolRef
    grade: int
    stage: str
    enrolment_year: int
    graduation_year: int
    status: str
    registration_state: str
    record_version: int
    updated_at: datetime
    previous_national_numbers: tuple[str, ...] = ()
    local_number: str | None = None
    ethnicity: str | None = None
    nationality: str | None = None
    id_type: str | None = None
    id_number: str | None = None
    household_division: str | None = None
    household_address: str | None = None
    household_nature: str | None = None
    address: str | None = None
    guardians: tuple[Guardian, ...] = ()
    school_class: ClassRef | None = None
    registration_year: int | None = None
    registered_at: datetime | None = None
    inclusive_education: bool = False
    disability_category: str | None = None
    under_discipline: bool = False
    problem_reasons: tuple[StoredReason, ...] = ()
    waived_reasons: tuple[StoredReason, ...] = field(default=())
    id_conflict: bool = False
    suspect_key: str | None = None
    deleted: bool = False
    open_case_id: str | None = None
    open_case_kind: str | None = None
    created_at: datetime | None = None

    @property
    def problem(self) -> bool:
        return bool(self.problem_reasons)

    @property
    def scope_path(self) -> str:
        return self.school.scope_path

    @property
    def core_locked(self) -> bool:
        """Registered once: core fields change only through an approved correction."""
        return self.registered_at is not None
