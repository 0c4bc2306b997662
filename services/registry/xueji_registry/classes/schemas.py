"""Request and response bodies of classes and class assignment."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from xueji_registry.pupils.state import ClassRef


class ClassCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    school_code: str | None = Field(None, pattern=r"^\d{10}$", description="defaults to own school")
    grade: int = Field(ge=1, le=12)
    number: int = Field(ge=1, le=99, description="班号")
    name: str | None = Field(None, min_length=1, max_length=40, description="default 一年级(3)班")
    teacher_account_id: uuid.UUID | None = None


class ClassUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=40)
    teacher_account_id: uuid.UUID | None = None


class ClassRead(BaseModel):
    id: uuid.UUID
    school_code: str
    code: str
    grade: int
    name: str
    teacher_account_id: uuid.UUID | None

    @classmethod
    def of(cls, ref: ClassRef) -> ClassRead:
        return cls(**ref.__dict__)


class Assignment(BaseModel):
    """Pupils to put in the class (分班); all of them or none."""

    model_config = ConfigDict(extra="forbid")
    pupil_ids: list[uuid.UUID] = Field(min_length=1, max_length=2000)
