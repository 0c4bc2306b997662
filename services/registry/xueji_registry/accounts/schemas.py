"""Request and response bodies of accounts and sign-in."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field

from xueji_common.auth.principal import Role, UnitKind


class AccountCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=3, max_length=64)
    name: str = Field(min_length=1, max_length=50, description="real name")
    role: Role
    unit_code: str = Field(min_length=2, max_length=10)
    password: str = Field(min_length=1, max_length=128)


class AccountRead(BaseModel):
    id: uuid.UUID
    username: str
    name: str
    role: Role
    unit_code: str
    active: bool


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=128)


class PrincipalRead(BaseModel):
    account_id: str
    name: str
    role: Role
    unit_code: str
    unit_kind: UnitKind
    unit_path: list[str]


class TokenRead(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int
    principal: PrincipalRead
