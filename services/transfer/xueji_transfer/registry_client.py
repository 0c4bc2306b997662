"""The registry's platform API (lookup, case lock, record move) as the transfer service uses it.

Calls carry the service account's token, fetched on first use and again after a 401. A
problem+json answer becomes `RegistryRefusal` (a business refusal, with the registry's code);
5xx answers and network failures become `RegistryUnavailable` (worth retrying).
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from xueji_common import platform_contract as contract

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


class RegistryClient:
    """Sends the contract's requests and parses the registry's answers with its models.

    Requests are built with `model_construct`, unvalidated: the registry validates them, and
    its 422 is a refusal the caller handles, where a local ValidationError inside an activity
    would be retried for ever.
    """

    def __init__(self, http: httpx.AsyncClient, username: str, password: str) -> None:
        self._http = http
        self._username = username
        self._password = password
        self._token: str | None = None
        self._signing_in = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    async def lookup(self, national_number: str, name: str) -> contract.PupilLookup:
        query = contract.LookupQuery.model_construct(number=national_number, name=name)
        return contract.PupilLookup.model_validate(
            await self._call("GET", contract.LOOKUP_PATH, params=query.model_dump())
        )

    async def claim(self, national_number: str, case_id: str, kind: str) -> None:
        body = contract.CaseClaim.model_construct(
            national_number=national_number, case_id=case_id, kind=kind
        )
        await self._call("POST", contract.CLAIM_PATH, json=body.model_dump())

    async def release(self, national_number: str, case_id: str) -> bool:
        body = contract.CaseRelease.model_construct(
            national_number=national_number, case_id=case_id
        )
        data = await self._call("POST", contract.RELEASE_PATH, json=body.model_dump())
        return contract.CaseReleased.model_validate(data).released

    async def move(
        self,
        transfer_id: str,
        national_number: str,
        from_school: str,
        to_school: str,
        grade: int,
        class_code: str | None,
    ) -> contract.MoveResult:
        body = contract.MoveRequest.model_construct(
            national_number=national_number,
            from_school=from_school,
            to_school=to_school,
            grade=grade,
            class_code=class_code,
        )
        path = contract.MOVE_PATH.format(transfer_id=transfer_id)
        data = await self._call("POST", path, json=body.model_dump())
        return contract.MoveResult.model_validate(data)

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
