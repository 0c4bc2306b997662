"""A province's photo rule: read by anyone, a new version set by the province's bureau."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, model_validator
from sqlalchemy.exc import IntegrityError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session
from xueji_photo.access import may_set_rule
from xueji_photo.province_rules import store
from xueji_photo.rules import NATIONAL_PRESET, SHANGHAI_PRESET

router = APIRouter(prefix="/v1", tags=["photo rules"])
ProvinceCode = Path(pattern=r"^[1-9][0-9]$")
PRESETS = {"shanghai": SHANGHAI_PRESET, "national": NATIONAL_PRESET}


class RuleBody(BaseModel):
    """Either one of the platform's presets or a whole rule (PhotoRule data)."""

    model_config = ConfigDict(extra="forbid")
    preset: Literal["shanghai", "national"] | None = None
    rule: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _one_of(self) -> RuleBody:
        if (self.preset is None) == (self.rule is None):
            raise ValueError("give either preset or rule")
        return self


class RuleRead(BaseModel):
    province_code: str
    rule_id: str
    version: int
    is_default: bool
    rule: dict[str, Any]


def rule_read(current: store.ProvinceRule) -> RuleRead:
    return RuleRead(
        province_code=current.province_code,
        rule_id=current.rule.rule_id,
        version=current.rule.version,
        is_default=not current.stored,
        rule=current.rule.to_dict(),
    )


@router.get("/photo-rules/{province_code}", response_model=RuleRead)
async def get_rule(
    principal: CurrentPrincipal, session: Session, province_code: str = ProvinceCode
) -> RuleRead:
    return rule_read(await store.current_rule(session, province_code))


@router.put("/photo-rules/{province_code}", response_model=RuleRead)
async def set_rule(
    body: RuleBody, principal: CurrentPrincipal, session: Session, province_code: str = ProvinceCode
) -> RuleRead:
    """Stores the province's next rule version; photos accepted before keep naming theirs."""
    if not may_set_rule(principal, province_code):
        raise DomainError(errors.FORBIDDEN)
    data = PRESETS[body.preset].to_dict() if body.preset else dict(body.rule or {})
    try:
        async with session.begin():
            rule = store.rule_from(data, await store.next_version(session, province_code))
            await store.store_rule(session, principal, province_code, rule)
    except IntegrityError as error:
        raise DomainError(errors.CONFLICT) from error
    return rule_read(store.ProvinceRule(province_code, rule, stored=True))
