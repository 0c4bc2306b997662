"""What the transfer service reads from the registry's platform API answers."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from xueji_transfer.registry_client import RegistryClient, RegistryRefusal, RegistryUnavailable

PUPIL_ID = "7d3f8a52-0c8e-4d7a-9d55-3c1f0f6b2a10"
LOOKUP = {
    "national_number": "G430102201601010011", "name": "张小明", "gender": "1",
    "birth_date": "2016-01-01", "school_code": "2143000101",
    "school_path": ["CN", "43", "4301", "430102", "2143000101"], "grade": 3,
    "class_code": None, "stage": "primary", "status": "enrolled",
    "registration_state": "registered", "problem": False, "open_case": None,
    "suspended": False, "disciplined": False,
}  # fmt: skip
MOVED_AT = "2026-10-09T03:00:00+00:00"


def _client(answers: dict[str, dict]) -> RegistryClient:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            return httpx.Response(200, json={"access_token": "t"})
        return httpx.Response(200, content=json.dumps(answers[request.url.path]))

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer), base_url="http://registry")
    return RegistryClient(http, "svc.transfer", "secret")


async def test_the_lookup_names_the_pupil_by_the_registry_id() -> None:
    path = "/v1/platform/pupils/lookup"
    named = await _client({path: {**LOOKUP, "pupil_id": PUPIL_ID}}).lookup("G4", "张小明")
    assert named.pupil_id == uuid.UUID(PUPIL_ID)
    # A registry from before the field answers without it; filing still works.
    assert (await _client({path: LOOKUP}).lookup("G4", "张小明")).pupil_id is None


async def test_the_move_reports_the_record_version_after_it() -> None:
    path = "/v1/platform/transfers/TR-1/move"
    answer = {"national_number": "G4", "school_code": "2141000101", "moved_at": MOVED_AT,
              "already_moved": False}  # fmt: skip
    moved = await _client({path: {**answer, "record_version": 5}}).move(
        "TR-1", "G4", "2143000101", "2141000101", 3, None
    )
    assert moved.record_version == 5
    assert moved.moved_at == datetime(2026, 10, 9, 3, 0, tzinfo=UTC)
    older = await _client({path: answer}).move("TR-1", "G4", "2143000101", "2141000101", 3, None)
    assert older.record_version == 0


async def test_the_registry_judges_a_request_so_its_refusal_reaches_the_caller() -> None:
    sent: list[dict] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/token":
            return httpx.Response(200, json={"access_token": "t"})
        sent.append(json.loads(request.content))
        return httpx.Response(422, json={"code": "VALIDATION_FAILED", "message": "班级代码过长"})

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer), base_url="http://registry")
    long_class = "C" * 11
    with pytest.raises(RegistryRefusal) as refused:
        await RegistryClient(http, "svc", "pw").move(
            "TR-1", "G4", "2143000101", "2141000101", 3, long_class
        )
    assert refused.value.code == "VALIDATION_FAILED"
    assert sent == [{"national_number": "G4", "from_school": "2143000101",
                     "to_school": "2141000101", "grade": 3, "class_code": long_class}]  # fmt: skip

async def test_a_connection_cut_under_a_call_is_tried_once_more_then_reported() -> None:
    cuts = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal cuts
        if request.url.path == "/v1/auth/token":
            return httpx.Response(200, json={"access_token": "t"})
        if cuts < limit:
            cuts += 1
            raise httpx.RemoteProtocolError("Server disconnected", request=request)
        return httpx.Response(200, content=json.dumps({**LOOKUP, "pupil_id": PUPIL_ID}))

    transport = httpx.MockTransport(answer)
    limit = 1
    http = httpx.AsyncClient(transport=transport, base_url="http://registry")
    found = await RegistryClient(http, "svc", "pw").lookup("G4", "张小明")
    assert found.pupil_id == uuid.UUID(PUPIL_ID)

    cuts, limit = 0, 2
    http = httpx.AsyncClient(transport=transport, base_url="http://registry")
    with pytest.raises(RegistryUnavailable):
        await RegistryClient(http, "svc", "pw").lookup("G4", "张小明")
    assert cuts == 2
