"""Only the platform's own services, acting for the nation, call this API."""

from __future__ import annotations

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_common.http.auth import CurrentPrincipal

NATION = "CN"


async def platform_service(principal: CurrentPrincipal) -> Principal:
    if principal.role is not Role.PLATFORM_SERVICE or principal.unit_code != NATION:
        raise DomainError(errors.FORBIDDEN)
    return principal
