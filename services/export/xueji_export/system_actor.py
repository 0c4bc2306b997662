"""The service itself as the actor of the audit records its own jobs write (retention,
report removal): no person, no address, the national unit."""

from __future__ import annotations

from xueji_common.auth.principal import Principal, Role, UnitKind

SYSTEM_ACTOR = Principal(
    account_id="system:export",
    name="数据导出服务",
    role=Role.PLATFORM_SERVICE,
    unit_code="CN",
    unit_kind=UnitKind.NATION,
    unit_path=("CN",),
)
