"""The one way the console calls a service: bearer token on, problem+json turned into an error.

Query strings carry names and ID numbers, so no URL of a call is ever logged (httpx logs every
request at INFO; bootstrap turns that logger down).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import httpx

from xueji_common import errors

JSON = Any


@dataclass(frozen=True)
class FieldProblem:
    field: str
    code: str
    message: str


@dataclass
class ServiceProblem(Exception):
    """A service refused or failed a call: its stable code, Chinese message and fields."""

    status: int
    code: str
    message: str
    field: str | None = None
    fields: list[FieldProblem] = dataclasses.field(default_factory=list)
    # A refused photo's reasons, one (code, Chinese message) per failed check.
    refusals: list[FieldProblem] = dataclasses.field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.status} {self.code}"

    def message_for(self, name: str) -> str | None:
        """The message to show next to the form field `name`, if the problem names it."""
        for problem in self.fields:
            if problem.field == name:
                return problem.message
        return self.message if self.field == name else None


def _problem_of(response: httpx.Response) -> ServiceProblem:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict) or "code" not in body:
        failed = response.status_code >= 500
        fallback = errors.INTERNAL_ERROR if failed else errors.VALIDATION_FAILED
        return ServiceProblem(response.status_code, fallback.code, fallback.message)
    fields = [
        FieldProblem(str(item.get("field", "")), str(item.get("code", "")), str(item["message"]))
        for item in body.get("errors", [])
        if isinstance(item, dict) and "message" in item
    ]
    refusals = [
        FieldProblem("", str(item.get("code", "")), str(item["message"]))
        for item in body.get("refusals", [])
        if isinstance(item, dict) and "message" in item
    ]
    return ServiceProblem(
        status=response.status_code,
        code=str(body["code"]),
        message=str(body.get("message") or body["code"]),
        field=body.get("field"),
        fields=fields,
        refusals=refusals,
    )


class ServiceApi:
    """One service's base URL and connection pool."""

    def __init__(
        self,
        name: str,
        base_url: str,
        *,
        timeout: float,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.name = name
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def call(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        params: dict[str, object] | None = None,
        json: JSON = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        form: dict[str, str] | None = None,
        client_address: str | None = None,
    ) -> JSON:
        """`files` sends a multipart form (an upload, with the fields of `form` beside it)
        instead of a JSON body; `client_address` names the browser's address to a service that
        counts attempts per address."""
        response = await self._send(
            method, path, token=token, params=params, json=json, files=files, form=form,
            client_address=client_address,
        )  # fmt: skip
        return response.json() if response.content else None

    async def content(self, path: str, *, token: str | None = None) -> tuple[bytes, str]:
        """A file the service serves (a photo, a thumbnail): its bytes and media type."""
        response = await self._send("GET", path, token=token)
        return response.content, response.headers.get("content-type", "application/octet-stream")

    async def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None,
        params: dict[str, object] | None = None,
        json: JSON = None,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        form: dict[str, str] | None = None,
        client_address: str | None = None,
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if client_address:
            headers["X-Forwarded-For"] = client_address
        query = {k: v for k, v in (params or {}).items() if v is not None and v != ""}
        try:
            response = await self._http.request(
                method, path, headers=headers, params=query, json=json, files=files, data=form
            )
        except httpx.HTTPError as exc:
            unavailable = errors.DEPENDENCY_UNAVAILABLE
            raise ServiceProblem(unavailable.status, unavailable.code, unavailable.message) from exc
        if response.status_code >= 400:
            raise _problem_of(response)
        return response

    async def reachable(self) -> None:
        """Readiness: the service answers its liveness probe."""
        response = await self._http.get("/healthz")
        response.raise_for_status()

    async def close(self) -> None:
        await self._http.aclose()
