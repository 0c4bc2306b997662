"""Who acts in an export case, in the shapes the workflow, the audit trail and the API use."""

from __future__ import annotations

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
