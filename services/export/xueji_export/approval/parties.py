"""Who acts in an export case, in the shapes the workflow, the audit trail and the API use."""

from __future__ import annotations

from typing import Any

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_workflows.actors import Actor

# The export worker, when the workflow (not a person) moves an application: the review
# opening, the generation, the expiry. Its records go to the application's province chain.
EXPORT_WORKER = Principal(
    account_id="export-worker",
    name="数据导出服务",
    role=Role.PLATFORM_SERVICE,
    unit_code="CN",
    unit_kind=UnitKind.NATION,
    unit_path=("CN",),
)
_KIND_BY_CODE_LENGTH = {2: UnitKind.PROVINCE, 4: UnitKind.CITY, 6: UnitKind.COUNTY}


def actor_of(principal: Principal) -> Actor:
    return Actor(
        account_id=principal.account_id,
        name=principal.name,
        role=principal.role.value,
        unit_code=principal.unit_code,
        unit_path=list(principal.unit_path),
    )


def principal_of(actor: Actor) -> Principal:
    """The person behind a workflow decision, as the audit trail names them."""
    code = actor.unit_code
    kind = UnitKind.NATION if code == "CN" else _KIND_BY_CODE_LENGTH.get(len(code), UnitKind.SCHOOL)
    return Principal(
        account_id=actor.account_id,
        name=actor.name,
        role=Role(actor.role),
        unit_code=code,
        unit_kind=kind,
        unit_path=tuple(actor.unit_path),
    )


def actor_to_json(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "account_id": actor.account_id,
        "name": actor.name,
        "role": actor.role,
        "unit_code": actor.unit_code,
        "unit_path": list(actor.unit_path),
    }


def actor_from_json(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    return Actor(
        account_id=data["account_id"],
        name=data["name"],
        role=data["role"],
        unit_code=data["unit_code"],
        unit_path=list(data.get("unit_path") or []),
    )
