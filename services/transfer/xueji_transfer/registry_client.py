"""The registry's platform API (lookup, case lock, record move) as the transfer service uses it.

Calls carry the service account's token, fetched on first use and again after a 401. A
problem+json answer becomes `RegistryRefusal` (a business refusal, with the registry's code);
5xx answers and network failures become `RegistryUnavailable` (worth retrying).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import httpx

CONNECTION_CUT = (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)


class RegistryUnavailable(RuntimeError):
    """The registry did not answer usefully; try again later."""


class RegistryRefusal(Exception):
    def __init__(self, status: int, code: str, message: str, body: dict[str, Any]) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.body = body


@dataclass(frozen=True)
class PupilLookup:
    # The registry's stable id of the pupil (PupilRecord.pupil_id); empty from a registry that
    # does not name it yet.
    pupil_id: str
    national_number: str
    name: str
    gender: str | None
    birth_date: date | None
    school_code: str
    school_path: list[str]
    grade: int
    class_code: str | None
    stage: str
    status: str
    problem: bool
    open_case_id: str | None
    open_case_kind: str | None
    suspended: bool
    disciplined: bool


def _lookup(data: dict[str, Any]) -> PupilLookup:
    open_case = data.get("open_case") or {}
    birth = data.get("birth_date")
    return PupilLookup(
        pupil_id=str(data.get("pupil_id") or ""),
        national_number=data["national_number"],
        name=data["name"],
        gender=data.get("gender"),
        birth_date=date.fromisoformat(birth) if birth else None,
        school_code=data["school_code"],
        school_path=list(data["school_path"]),
        grade=int(data["grade"]),
        class_code=data.get("class_code"),
        stage=data.get("stage", ""),
        status=data["status"],
        problem=bool(data.get("problem")),
        open_case_id=open_case.get("case_id"),
        open_case_kind=open_case.get("kind"),
        suspended=bool(data.get("suspended")),
        disciplined=bool(data.get("disciplined")),
    )


@dataclass(frozen=True)
class MovedRecord:
    moved_at: datetime
    # The record's version after the move, as the registry's pupil.transferred_in carries it;
    # 0 when the registry did not report one.
    record_version: int


class RegistryClient:
    def __init__(self, http: httpx.AsyncClient, username: str, password: str) -> None:
        self._http = http
        self._username = username
        self._password = password
        self._token: str | None = None
        self._signing_in = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    async def lookup(self, number: str, name: str) -> PupilLookup:
        data = await self._call(
            "GET", "/v1/platform/pupils/lookup", params={"number": number, "name": name}
        )
        return _lookup(data)

    async def claim(self, national_number: str, case_id: str, kind: str) -> None:
        body = {"national_number": national_number, "case_id": case_id, "kind": kind}
        await self._call("POST", "/v1/platform/cases/claim", json=body)

    async def release(self, national_number: str, case_id: str) -> bool:
        body = {"national_number": national_number, "case_id": case_id}
        data = await self._call("POST", "/v1/platform/cases/release", json=body)
        return bool(data.get("released"))

    async def move(
        self,
        transfer_id: str,
        national_number: str,
        from_school: str,
        to_school: str,
        grade: int,
        class_code: str | None,
    ) -> MovedRecord:
        body = {
            "national_number": national_number,
            "from_school": from_school,
            "to_school": to_school,
            "grade": grade,
            "class_code": class_code,
        }
        data = await self._call("POST", f"/v1/platform/transfers/{transfer_id}/move", json=body)
        return MovedRecord(
            moved_at=datetime.fromisoformat(data["moved_at"]),
            record_version=int(data.get("record_version") or 0),
        )

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        token = self._token or await self._sign_in(None)
        response = await self._send(method, path, token, **kwargs)
        if response.status_code == 401:
            response = await self._send(method, path, await self._sign_in(token), **kwargs)
        return _answer(response)

    async def _send(self, method: str, path: str, token: str, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"}
        try:
            try:
                return await self._http.request(method, path, headers=headers, **kwargs)
            except CONNECTION_CUT:
                # Every platform call is idempotent (the lookup; claim, release and move by
                # case or transfer id): a kept-alive connection closed under the request is
                # worth one more try on a fresh one.
                return await self._http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as error:
            raise RegistryUnavailable(f"{method} {path}: {error!r}") from error

    async def _sign_in(self, stale: str | None) -> str:
        async with self._signing_in:
            # Another call may have signed in again while this one waited.
            if self._token is not None and self._token != stale:
                return self._token
            try:
                response = await self._http.post(
                    "/v1/auth/token",
                    json={"username": self._username, "password": self._password},
                )
            except httpx.HTTPError as error:
                raise RegistryUnavailable(f"sign-in: {error!r}") from error
            self._token = _answer(response)["access_token"]
            return self._token


def _answer(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 500:
        raise RegistryUnavailable(f"registry answered {response.status_code}")
    try:
        body = response.json()
    except ValueError as error:
        raise RegistryUnavailable(f"registry answered non-JSON {response.status_code}") from error
    if response.status_code >= 400:
        code = str(body.get("code", f"HTTP_{response.status_code}"))
        raise RegistryRefusal(response.status_code, code, str(body.get("message", code)), body)
    return body
