"""Reading and setting a province's status-change rules (a province officer sets its own)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.uow import UnitOfWork
from xueji_registry import error_codes
from xueji_registry.orgs.tables import org_units
from xueji_registry.status_changes.rules import ProvinceRules, parse_types
from xueji_registry.status_changes.schemas import ProvinceRulesWrite
from xueji_registry.status_changes.tables import status_change_rules

SETTERS = (Role.PROVINCE_OFFICER, Role.NATIONAL_OPERATOR)


async def rules_for(session: AsyncSession, province_code: str) -> ProvinceRules:
    row = (
        await session.execute(
            select(status_change_rules).where(status_change_rules.c.province_code == province_code)
        )
    ).first()
    if row is None:
        return ProvinceRules(province_code)
    return ProvinceRules(
        province_code=province_code,
        allows_repeat_grade=row.allows_repeat_grade,
        allows_skip_grade=row.allows_skip_grade,
        evidence_required=parse_types(row.evidence_required),
    )


async def _province(session: AsyncSession, actor: Principal, code: str) -> None:
    scope = await session.scalar(
        select(org_units.c.scope_path).where(
            org_units.c.code == code, org_units.c.kind == "province"
        )
    )
    if scope is None or not actor.covers(scope):
        raise DomainError(error_codes.PROVINCE_NOT_FOUND, field="province_code")


async def read_rules(session: AsyncSession, actor: Principal, code: str) -> ProvinceRules:
    await _province(session, actor, code)
    return await rules_for(session, code)


async def set_rules(
    uow: UnitOfWork, actor: Principal, code: str, data: ProvinceRulesWrite
) -> ProvinceRules:
    if actor.role not in SETTERS:
        raise DomainError(errors.FORBIDDEN)
    await _province(uow.session, actor, code)
    values = {
        "allows_repeat_grade": data.allows_repeat_grade,
        "allows_skip_grade": data.allows_skip_grade,
        "evidence_required": sorted(t.value for t in data.evidence_required),
        "updated_by": actor.account_id,
        "updated_by_name": actor.name,
        "updated_at": func.now(),
    }
    statement = insert(status_change_rules).values(province_code=code, **values)
    await uow.session.execute(
        statement.on_conflict_do_update(index_elements=["province_code"], set_=values)
    )
    await uow.commit()
    return await rules_for(uow.session, code)
