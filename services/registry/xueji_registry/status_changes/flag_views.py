"""The 辍学 flag and the province's status-change rules over HTTP."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from xueji_common.http.auth import CurrentPrincipal
from xueji_common.http.deps import Session, Uow
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.schemas import PupilRead
from xueji_registry.status_changes import province_rules
from xueji_registry.status_changes.left_school import set_left_school
from xueji_registry.status_changes.rules import ProvinceRules
from xueji_registry.status_changes.schemas import (
    LeftSchoolWrite,
    ProvinceRulesRead,
    ProvinceRulesWrite,
)

router = APIRouter(prefix="/v1", tags=["status changes"])


def _rules_read(rules: ProvinceRules) -> ProvinceRulesRead:
    return ProvinceRulesRead(
        province_code=rules.province_code,
        allows_repeat_grade=rules.allows_repeat_grade,
        allows_skip_grade=rules.allows_skip_grade,
        evidence_required=sorted(t.value for t in rules.evidence_required),
    )


@router.put("/pupils/{pupil_id}/left-school", response_model=PupilRead)
async def left_school(
    pupil_id: uuid.UUID, data: LeftSchoolWrite, principal: CurrentPrincipal, uow: Uow
) -> PupilRead:
    """Set (辍学) or clear the flag of a compulsory-education pupil who stopped attending."""
    state = await set_left_school(uow, principal, pupil_id, data, today=china_today())
    return PupilRead.of(state)


@router.get("/provinces/{code}/status-change-rules", response_model=ProvinceRulesRead)
async def read_rules(code: str, principal: CurrentPrincipal, session: Session) -> ProvinceRulesRead:
    return _rules_read(await province_rules.read_rules(session, principal, code))


@router.put("/provinces/{code}/status-change-rules", response_model=ProvinceRulesRead)
async def write_rules(
    code: str, data: ProvinceRulesWrite, principal: CurrentPrincipal, uow: Uow
) -> ProvinceRulesRead:
    return _rules_read(await province_rules.set_rules(uow, principal, code, data))
