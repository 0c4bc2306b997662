"""Who works at a unit, as the registry (which owns the accounts) lists them.

The registry's `GET /v1/org-units/{code}/accounts` answers to anyone whose unit covers the
unit asked about, so the applicant's own token is enough: the export service needs no
account of its own and never reads the registry's tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from xueji_common import errors
from xueji_common.errors import DomainError


@dataclass(frozen=True)
class StaffMember:
    account_id: str
    name: str


class StaffDirectory:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self._http = http

    async def member(
        self, unit_code: str, account_id: str, authorization: str
    ) -> StaffMember | None:
        """The active account `account_id` of `unit_code`, or None when it is not one."""
        try:
            response = await self._http.get(
                f"/v1/org-units/{unit_code}/accounts", headers={"Authorization": authorization}
            )
        except httpx.HTTPError as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="学籍服务") from error
        if response.status_code >= 500 or response.status_code == 401:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="学籍服务")
        if response.status_code != 200:
            return None
        for account in response.json():
            if account["id"] == account_id and account["active"]:
                return StaffMember(account["id"], account["name"])
        return None
