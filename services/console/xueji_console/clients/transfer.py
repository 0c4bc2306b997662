"""The transfer service's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi


class TransferClient:
    def __init__(self, api: ServiceApi) -> None:
        self.api = api

    async def inbox(self, token: str, *, limit: int) -> JSON:
        """Open steps waiting for the caller's unit and role."""
        return await self.api.call(
            "GET", "/v1/transfers/inbox", token=token, params={"limit": limit}
        )

    async def overdue(self, token: str) -> JSON:
        """Overdue steps in the caller's area, grouped by the authority escalated to."""
        return await self.api.call("GET", "/v1/overdue", token=token)
