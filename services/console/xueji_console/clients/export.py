"""The export service's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi

APPLICATIONS = "/v1/export-applications"


class ExportClient:
    def __init__(self, api: ServiceApi) -> None:
        self.api = api

    async def catalogue(self, token: str) -> JSON:
        """Every exportable field in the catalogue's order: key, label, sensitive, carried."""
        return await self.api.call("GET", "/v1/export-catalogue", token=token)

    async def province_settings(self, token: str, province_code: str) -> JSON:
        path = f"/v1/provinces/{province_code}/export-settings"
        return await self.api.call("GET", path, token=token)

    async def upload_document(
        self, token: str, kind: str, name: str, data: bytes, media: str
    ) -> JSON:
        """A security plan or a written consent, before the application that cites it."""
        return await self.api.call(
            "POST", "/v1/export-documents", token=token, files={"file": (name, data, media)},
            form={"kind": kind},
        )  # fmt: skip

    async def apply(self, token: str, body: dict[str, object]) -> JSON:
        return await self.api.call("POST", APPLICATIONS, token=token, json=body)

    async def applications(self, token: str) -> JSON:
        """The applications of the caller's unit and the units below it, newest first."""
        return await self.api.call("GET", APPLICATIONS, token=token)

    async def application(self, token: str, application_id: str) -> JSON:
        return await self.api.call("GET", f"{APPLICATIONS}/{application_id}", token=token)

    async def audit(self, token: str, province_code: str, *, after: int, limit: int) -> JSON:
        path = f"/v1/provinces/{province_code}/export-audit"
        params = {"after": after, "limit": limit}
        return await self.api.call("GET", path, token=token, params=params)

    async def verification(self, token: str, province_code: str) -> JSON:
        path = f"/v1/provinces/{province_code}/export-audit/verification"
        return await self.api.call("GET", path, token=token)

    async def inbox(self, token: str) -> JSON:
        """Applications awaiting the caller's decision or execution, overdue first."""
        return await self.api.call("GET", f"{APPLICATIONS}/inbox", token=token)

    async def timeline(self, token: str, application_id: str) -> JSON:
        """The steps (deadline, escalation, who decided) and, while generating, rows written."""
        return await self.api.call("GET", f"{APPLICATIONS}/{application_id}/timeline", token=token)

    async def act(self, token: str, application_id: str, action: str, body: JSON) -> JSON:
        """`decision` (approve or refuse with a reason) or `execution` (the DBA's run)."""
        path = f"{APPLICATIONS}/{application_id}/{action}"
        return await self.api.call("POST", path, token=token, json=body)

    async def download_link(self, token: str, application_id: str) -> JSON:
        """A fresh short-lived presigned link to the file; only the handler, in the period."""
        path = f"{APPLICATIONS}/{application_id}/download-link"
        return await self.api.call("POST", path, token=token)
