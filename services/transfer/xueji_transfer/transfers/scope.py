"""Who sees which transfers: a party sees the transfers touching its unit, on either side,
and the bureaus above it; the national operator and ops see every one. Deny by default."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, true

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_transfer.transfers.tables import transfers

SEE_ALL = frozenset({Role.NATIONAL_OPERATOR, Role.OPS})
READERS = SEE_ALL | frozenset(
    {
        Role.SCHOOL_REGISTRAR,
        Role.SCHOOL_REVIEWER,
        Role.COUNTY_OFFICER,
        Role.CITY_OFFICER,
        Role.PROVINCE_OFFICER,
        Role.DATABASE_ADMINISTRATOR,
    }
)


def visible(principal: Principal) -> ColumnElement[bool]:
    """The filter on `transfers` of what `principal` may read."""
    if principal.role not in READERS:
        raise DomainError(errors.FORBIDDEN)
    if principal.role in SEE_ALL:
        return true()
    scope = principal.scope
    return or_(
        transfers.c.receiving_scope.startswith(scope, autoescape=True),
        transfers.c.sending_scope.startswith(scope, autoescape=True),
    )
