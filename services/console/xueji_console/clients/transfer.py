"""The transfer service's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi

CASE = "/v1/transfers/{transfer_id}"


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

    async def transfers(self, token: str, *, limit: int, offset: int = 0) -> JSON:
        """Every transfer touching the caller's unit or area, newest first."""
        params = {"limit": limit, "offset": offset}
        return await self.api.call("GET", "/v1/transfers", token=token, params=params)

    async def transfer(self, token: str, transfer_id: str) -> JSON:
        """One case with every step of its timeline."""
        return await self.api.call("GET", CASE.format(transfer_id=transfer_id), token=token)

    async def file(self, token: str, application: dict[str, object]) -> JSON:
        """The receiving school's application, as typed: the API validates every field."""
        return await self.api.call("POST", "/v1/transfers", token=token, json=application)

    async def act(self, token: str, transfer_id: str, action: str, body: dict[str, object]) -> JSON:
        """A party's action on the open step: `decision`, `withdrawal`, `arrival`,
        `paper-file/sent` or `paper-file/received` (the API's own path names)."""
        path = CASE.format(transfer_id=transfer_id) + f"/{action}"
        return await self.api.call("POST", path, token=token, json=body)

    async def calendar_year(self, token: str, year: int) -> JSON:
        """A year's published holidays and make-up working days (unpublished: weekdays only)."""
        return await self.api.call("GET", f"/v1/calendar/{year}", token=token)
