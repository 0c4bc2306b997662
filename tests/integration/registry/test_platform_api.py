"""The platform API the transfer service uses: lookup, the open-case lock, the record move."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from tests.integration.registry.events import outbox_events
from xueji_common.db import Database

pytestmark = pytest.mark.integration

LOOKUP = "/v1/platform/pupils/lookup"
CLAIM = "/v1/platform/cases/claim"
RELEASE = "/v1/platform/cases/release"


async def test_only_the_platform_service_may_call(
    registry: httpx.AsyncClient, world: World
) -> None:
    for headers in (world.operator, world.registrar("a"), world.county(world.path("a")[:4])):
        response = await registry.get(LOOKUP, params={"number": "x", "name": "y"}, headers=headers)
        assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"


async def test_lookup_by_number_or_id_number_with_the_name_checked(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids, name="赵·小龙"))
    for number in (pupil["national_number"], pupil["id_number"].lower()):
        found = await registry.get(
            LOOKUP, params={"number": number, "name": " 赵・小龙"}, headers=world.platform
        )
        assert found.status_code == 200, found.text
        body = found.json()
        assert body["national_number"] == pupil["national_number"]
        assert body["pupil_id"] == pupil["id"]
        assert body["school_path"] == list(world.path("a"))
        assert body["open_case"] is None and body["problem"] is False
        assert body["status"] == "enrolled" and body["suspended"] is False
    mismatch = await registry.get(
        LOOKUP,
        params={"number": pupil["national_number"], "name": "赵大龙"},
        headers=world.platform,
    )
    assert mismatch.status_code == 422 and mismatch.json()["code"] == "PUPIL_NAME_MISMATCH"
    unknown = await registry.get(
        LOOKUP, params={"number": "G110101200001010011", "name": "无"}, headers=world.platform
    )
    assert unknown.status_code == 404 and unknown.json()["code"] == "PUPIL_NOT_FOUND"


async def test_one_open_case_at_a_time(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    number = pupil["national_number"]
    claim = {"national_number": number, "case_id": "T-1", "kind": "transfer"}
    for _ in range(2):
        claimed = await registry.post(CLAIM, json=claim, headers=world.platform)
        assert claimed.status_code == 200 and claimed.json() == {"claimed": True}
    other = await registry.post(
        CLAIM,
        json={"national_number": number, "case_id": "S-9", "kind": "suspension"},
        headers=world.platform,
    )
    assert other.status_code == 409
    problem = other.json()
    assert problem["code"] == "PUPIL_HAS_OPEN_CASE" and problem["national_error"] == 2002
    assert problem["open_case"] == {"case_id": "T-1", "kind": "transfer"}
    assert "T-1" in problem["message"]
    looked_up = await registry.get(
        LOOKUP, params={"number": number, "name": pupil["name"]}, headers=world.platform
    )
    assert looked_up.json()["open_case"] == {"case_id": "T-1", "kind": "transfer"}
    wrong = await registry.post(
        RELEASE, json={"national_number": number, "case_id": "S-9"}, headers=world.platform
    )
    assert wrong.json() == {"released": False}
    for expected in (True, False):
        released = await registry.post(
            RELEASE, json={"national_number": number, "case_id": "T-1"}, headers=world.platform
        )
        assert released.json() == {"released": expected}
    after = await registry.post(
        CLAIM,
        json={"national_number": number, "case_id": "S-9", "kind": "suspension"},
        headers=world.platform,
    )
    assert after.status_code == 200


async def test_problem_data_cannot_be_claimed(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    body = pupil_body(ids)
    body["gender"] = "2"
    pupil = await create_pupil(registry, world.registrar("a"), body)
    refused = await registry.post(
        CLAIM,
        json={"national_number": pupil["national_number"], "case_id": "T-2", "kind": "transfer"},
        headers=world.platform,
    )
    assert refused.status_code == 422 and refused.json()["code"] == "PUPIL_HAS_PROBLEMS"


async def test_the_move_is_atomic_idempotent_and_announced(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids, grade=2))
    number = pupil["national_number"]
    transfer_id = str(uuid.uuid4())
    move = {
        "national_number": number,
        "from_school": world.code("a"),
        "to_school": world.code("c"),
        "grade": 2,
        "class_code": None,
    }
    url = f"/v1/platform/transfers/{transfer_id}/move"
    first, second = await asyncio.gather(
        registry.post(url, json=move, headers=world.platform),
        registry.post(url, json=move, headers=world.platform),
    )
    assert first.status_code == second.status_code == 200, (first.text, second.text)
    assert sorted([first.json()["already_moved"], second.json()["already_moved"]]) == [False, True]
    assert first.json()["moved_at"] == second.json()["moved_at"]
    assert first.json()["record_version"] == second.json()["record_version"] == 2
    again = await registry.post(url, json=move, headers=world.platform)
    assert again.json()["already_moved"] is True and again.json()["school_code"] == world.code("c")
    assert again.json()["record_version"] == 2

    moved = await registry.get(f"/v1/pupils/{pupil['id']}", headers=world.registrar("c"))
    assert moved.status_code == 200 and moved.json()["school_code"] == world.code("c")
    gone = await registry.get(f"/v1/pupils/{pupil['id']}", headers=world.registrar("a"))
    assert gone.status_code == 404
    events = await outbox_events(registry_db, number)
    kinds = [kind for kind, _ in events]
    assert kinds == ["pupil.created", "pupil.transferred_out", "pupil.transferred_in"]
    _, out = events[1]
    assert out.transfer_id == transfer_id and out.sending_school.code == world.code("a")
    assert out.receiving_school.code == world.code("c") and out.pupil.record_version == 2
    _, arrived = events[2]
    assert arrived.pupil.record_version == first.json()["record_version"]
    history = await registry.get(f"/v1/pupils/{pupil['id']}/history", headers=world.registrar("c"))
    school = next(h for h in history.json() if h["field"] == "school")
    assert (school["old_value"], school["new_value"]) == (world.code("a"), world.code("c"))
    assert school["source_id"] == transfer_id

    stale = await registry.post(
        f"/v1/platform/transfers/{uuid.uuid4()}/move", json=move, headers=world.platform
    )
    assert stale.status_code == 409 and stale.json()["code"] == "PUPIL_NOT_AT_SENDING_SCHOOL"
    unknown = await registry.post(
        f"/v1/platform/transfers/{uuid.uuid4()}/move",
        json={**move, "national_number": "G110101200001010011"},
        headers=world.platform,
    )
    assert unknown.status_code == 409 and unknown.json()["code"] == "PUPIL_NOT_AT_SENDING_SCHOOL"
    nowhere = await registry.post(
        f"/v1/platform/transfers/{uuid.uuid4()}/move",
        json={**move, "from_school": world.code("c"), "to_school": "2132999999"},
        headers=world.platform,
    )
    assert nowhere.status_code == 404 and nowhere.json()["code"] == "SCHOOL_NOT_FOUND"
