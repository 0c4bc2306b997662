"""The demo staff signing in to the registry with the demo password, once per account."""

from __future__ import annotations

import httpx


class DemoLogins:
    def __init__(self, registry: httpx.AsyncClient, password: str) -> None:
        self._registry = registry
        self._password = password
        self._headers: dict[str, dict[str, str]] = {}

    async def headers(self, username: str) -> dict[str, str]:
        """The Authorization header of `username`'s registry token."""
        if username not in self._headers:
            answer = await self._registry.post(
                "/v1/auth/token", json={"username": username, "password": self._password}
            )
            answer.raise_for_status()
            self._headers[username] = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return self._headers[username]
