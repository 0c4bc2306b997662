"""The registry's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi


class RegistryClient:
    def __init__(self, api: ServiceApi) -> None:
        self.api = api

    async def sign_in(self, username: str, password: str) -> JSON:
        """The token and the principal, or the registry's refusal (LOGIN_FAILED, LOGIN_LOCKED)."""
        body = {"username": username, "password": password}
        return await self.api.call("POST", "/v1/auth/token", json=body)

    async def search_pupils(self, token: str, filters: dict[str, object]) -> JSON:
        return await self.api.call("GET", "/v1/pupils", token=token, params=filters)

    async def create_pupil(self, token: str, entry: dict[str, object]) -> JSON:
        """A new pupil at the caller's school, as typed: the registry validates every field."""
        return await self.api.call("POST", "/v1/pupils", token=token, json=entry)

    async def pupil(self, token: str, pupil_id: str) -> JSON:
        return await self.api.call("GET", f"/v1/pupils/{pupil_id}", token=token)

    async def pupil_history(self, token: str, pupil_id: str) -> JSON:
        return await self.api.call("GET", f"/v1/pupils/{pupil_id}/history", token=token)

    async def school_classes(self, token: str, school_code: str) -> JSON:
        return await self.api.call("GET", f"/v1/schools/{school_code}/classes", token=token)

    async def school_class(self, token: str, class_id: str) -> JSON:
        return await self.api.call("GET", f"/v1/classes/{class_id}", token=token)

    async def create_class(self, token: str, school_class: dict[str, object]) -> JSON:
        """A class at the caller's school, as typed: the registry validates grade and number."""
        return await self.api.call("POST", "/v1/classes", token=token, json=school_class)

    async def assign(self, token: str, class_id: str, pupil_ids: list[str]) -> JSON:
        """分班: every listed pupil goes into the class, or none does."""
        body = {"pupil_ids": pupil_ids}
        return await self.api.call("POST", f"/v1/classes/{class_id}/pupils", token=token, json=body)

    async def status_changes(self, token: str, *, state: str, limit: int) -> JSON:
        params = {"state": state, "limit": limit}
        return await self.api.call("GET", "/v1/status-changes", token=token, params=params)

    async def submissions(self, token: str, *, state: str, limit: int) -> JSON:
        params = {"state": state, "limit": limit}
        return await self.api.call(
            "GET", "/v1/registration/submissions", token=token, params=params
        )

    async def unit(self, token: str, code: str) -> JSON:
        return await self.api.call("GET", f"/v1/org-units/{code}", token=token)

    async def units_below(self, token: str, code: str) -> JSON:
        """The units directly below `code` (a county's schools, a province's cities)."""
        params = {"parent_code": code, "limit": 1000}
        return await self.api.call("GET", "/v1/org-units", token=token, params=params)

    async def unit_accounts(self, token: str, code: str) -> JSON:
        """The staff accounts of the unit `code`, active or not."""
        return await self.api.call("GET", f"/v1/org-units/{code}/accounts", token=token)

    async def schools(self, token: str) -> JSON:
        """The schools within the caller's unit."""
        params = {"kind": "school", "limit": 1000}
        return await self.api.call("GET", "/v1/org-units", token=token, params=params)
