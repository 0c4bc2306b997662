"""The registry's public API, as the console's pages use it."""

from __future__ import annotations

from xueji_console.clients.calls import JSON, ServiceApi

SUBMISSIONS = "/v1/registration/submissions"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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

    async def import_template(self, token: str) -> bytes:
        """The import template of the caller's school (an .xlsx)."""
        return (await self.api.content("/v1/imports/template", token=token))[0]

    async def import_workbook(self, token: str, name: str, data: bytes) -> JSON:
        """Imports the workbook into the caller's school; the answer is the finished report."""
        files = {"file": (name, data, XLSX)}
        return await self.api.call("POST", "/v1/imports", token=token, files=files)

    async def import_report(self, token: str, import_id: str) -> JSON:
        return await self.api.call("GET", f"/v1/imports/{import_id}", token=token)

    async def import_report_workbook(self, token: str, import_id: str) -> bytes:
        path = f"/v1/imports/{import_id}/report.xlsx"
        return (await self.api.content(path, token=token))[0]

    async def registry_report(self, token: str, school_code: str) -> bytes:
        """The school's 学籍总库 and 信息更正表 sheets in one workbook."""
        path = f"/v1/schools/{school_code}/registry-report.xlsx"
        return (await self.api.content(path, token=token))[0]

    async def submit_registration(self, token: str) -> JSON:
        """上报: every submittable pupil of the caller's school goes to the county."""
        return await self.api.call("POST", SUBMISSIONS, token=token, json={})

    async def submission(self, token: str, submission_id: str) -> JSON:
        return await self.api.call("GET", f"{SUBMISSIONS}/{submission_id}", token=token)

    async def all_submissions(self, token: str, *, limit: int) -> JSON:
        return await self.api.call("GET", SUBMISSIONS, token=token, params={"limit": limit})

    async def decide_submission(self, token: str, submission_id: str, body: JSON) -> JSON:
        path = f"{SUBMISSIONS}/{submission_id}/decision"
        return await self.api.call("POST", path, token=token, json=body)
