"""Request and response bodies of the organisation API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from xueji_common.auth.principal import UnitKind
from xueji_registry.orgs.model import OrgUnit

STAGES = ("primary", "junior", "senior")
Stage = Literal["primary", "junior", "senior"]


class UnitCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=2, max_length=6, description="GB/T 2260 division code")
    name: str = Field(min_length=1, max_length=100)
    parent_code: str = Field(min_length=2, max_length=6)
    docking: bool = Field(False, description="province runs its own registry system (对接省份)")


class UnitUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=100)
    docking: bool | None = None


class UnitRead(BaseModel):
    code: str
    kind: UnitKind
    name: str
    parent_code: str | None
    path: list[str]
    docking: bool
    version: int

    @classmethod
    def of(cls, unit: OrgUnit, *, version: int) -> UnitRead:
        return cls(
            code=unit.code,
            kind=unit.kind,
            name=unit.name,
            parent_code=unit.parent_code,
            path=list(unit.path),
            docking=unit.docking,
            version=version,
        )


class SchoolCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(pattern=r"^\d{10}$", description="10-digit school identification code")
    full_name: str = Field(min_length=1, max_length=100)
    county_code: str = Field(pattern=r"^\d{6}$")
    stages: list[Stage] = Field(min_length=1)
    special_education: bool = False


class SchoolRead(BaseModel):
    code: str
    full_name: str
    county_code: str
    category: str
    stages: list[str]
    special_education: bool
    path: list[str]
    version: int

    @classmethod
    def of(cls, unit: OrgUnit, data: SchoolCreate, *, version: int) -> SchoolRead:
        return cls(
            code=unit.code,
            full_name=unit.name,
            county_code=data.county_code,
            category=unit.code[:2],
            stages=sorted(set(data.stages), key=STAGES.index),
            special_education=data.special_education,
            path=list(unit.path),
            version=version,
        )
