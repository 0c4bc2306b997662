"""Entering and changing pupils one by one: checks, national numbers, history, events."""

from __future__ import annotations

import asyncio
from datetime import date

import httpx
import pytest
from aiokafka import AIOKafkaConsumer

from tests.integration.registry.builders import (
    IdFactory,
    World,
    create_pupil,
    grade_entry,
    pupil_body,
)
from tests.integration.registry.events import event_kinds, outbox_events
from xueji.registry.v1.pupil_events_pb2 import PupilCreated
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.contracts import TOPIC_PUPIL
from xueji_common.db import Database
from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.pupils.reading.search import PupilFilters, search_pupils
from xueji_stack.infrastructure import Infrastructure

pytestmark = pytest.mark.integration


def wrong_check(id_number: str) -> str:
    last = "0" if id_number[-1] != "0" else "1"
    return id_number[:-1] + last


async def test_a_valid_pupil_gets_a_g_number_and_a_created_event(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    created = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    assert created["national_number"] == "G" + created["id_number"]
    assert created["problem"] is False
    assert created["registration_state"] == "validated"
    assert created["record_version"] == 1
    events = await outbox_events(registry_db, created["national_number"])
    assert [kind for kind, _ in events] == ["pupil.created"]
    record = events[0][1].pupil
    assert record.pupil_id == created["id"] and record.record_version == 1
    assert record.school.code == world.code("a")
    assert list(record.school.path) == list(world.path("a")[:-1])


async def test_input_is_normalised_and_rare_characters_are_kept(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    _, birth = grade_entry(1)
    # Odd sequence (male) whose check character is X, typed in lower case and full width.
    sequence = next(s for s in range(901, 999, 2) if make_id_number("320104", birth, s)[-1] == "X")
    id_number = make_id_number("320104", birth, sequence)
    typed = id_number[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x"
    body = pupil_body(ids, name="\u3000𠮷珺瑶 ", id_number=f" {typed} ")
    created = await create_pupil(registry, world.registrar("a"), body)
    assert created["name"] == "𠮷珺瑶"
    assert created["id_number"] == id_number
    assert created["problem"] is False and created["national_number"] == "G" + id_number


async def test_a_wrong_check_digit_makes_problem_data_with_a_temporary_number(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    body = pupil_body(ids)
    right = body["id_number"]
    body["id_number"] = wrong_check(right)
    created = await create_pupil(registry, world.registrar("a"), body)
    assert created["problem"] is True and created["registration_state"] == "draft"
    assert [r["code"] for r in created["problem_reasons"]] == ["ID_NUMBER_CHECK_DIGIT"]
    temporary = created["national_number"]
    assert temporary.startswith("L320102") and len(temporary) == 19
    assert await event_kinds(registry_db, temporary) == ["pupil.created", "pupil.problem_detected"]

    fixed = await registry.patch(
        f"/v1/pupils/{created['id']}",
        json={"id_number": right, "reason": "核对户口簿后更正"},
        headers=world.registrar("a"),
    )
    assert fixed.status_code == 200, fixed.text
    pupil = fixed.json()
    assert pupil["problem"] is False and pupil["registration_state"] == "validated"
    assert pupil["national_number"] == "G" + right
    assert pupil["previous_national_numbers"] == [temporary]
    assert pupil["record_version"] == 2
    events = await outbox_events(registry_db, "G" + right)
    assert [kind for kind, _ in events] == ["pupil.updated", "pupil.problem_resolved"]
    assert all(message.pupil.record_version == 2 for _, message in events)
    changed = {c.field: (c.old_value, c.new_value) for c in events[0][1].changes}
    assert changed["national_number"] == (temporary, "G" + right)

    history = await registry.get(
        f"/v1/pupils/{created['id']}/history", headers=world.registrar("a")
    )
    fields = {entry["field"]: entry for entry in history.json()}
    assert fields["id_number"]["old_value"] == body["id_number"]
    assert fields["id_number"]["reason"] == "核对户口簿后更正"
    # The old temporary number still finds the pupil for the other services.
    found = await registry.get(
        "/v1/platform/pupils/lookup",
        params={"number": temporary, "name": pupil["name"]},
        headers=world.platform,
    )
    assert found.status_code == 200 and found.json()["national_number"] == "G" + right


async def test_an_under_age_grade_one_pupil_is_problem_data(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    enrolment_year, _ = grade_entry(1)
    birth = date(enrolment_year - 6, 9, 1)
    id_number = ids.new(birth)
    body = pupil_body(ids, id_number=id_number, birth_date=birth.isoformat())
    created = await create_pupil(registry, world.registrar("a"), body)
    assert [r["code"] for r in created["problem_reasons"]] == ["UNDER_AGE_GRADE1"]
    assert created["national_number"] == "G" + id_number


async def test_a_school_cannot_read_or_change_another_schools_pupils(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    created = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    url = f"/v1/pupils/{created['id']}"
    other = world.registrar("b")
    assert (await registry.get(url, headers=other)).json()["code"] == "PUPIL_NOT_FOUND"
    patched = await registry.patch(url, json={"address": "别处"}, headers=other)
    assert patched.status_code == 404
    listed = await registry.get(
        "/v1/pupils", params={"number": created["id_number"]}, headers=other
    )
    assert listed.json()["total"] == 0
    entered = await registry.post(
        "/v1/pupils", json=pupil_body(ids, school_code=world.code("a")), headers=other
    )
    assert entered.status_code == 404
    county = world.county(world.path("a")[:4])
    assert (await registry.get(url, headers=county)).status_code == 200
    assert (await registry.patch(url, json={"address": "x"}, headers=county)).status_code == 403


async def test_search_filters_and_pages_within_scope(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    headers = world.registrar("b")
    for n in range(3):
        await create_pupil(registry, headers, pupil_body(ids, name=f"欧阳检索{n}"))
    problem = pupil_body(ids, name="欧阳检索问题")
    problem["id_number"] = wrong_check(problem["id_number"])
    await create_pupil(registry, headers, problem)
    page = await registry.get(
        "/v1/pupils", params={"name": "欧阳检索", "limit": 2}, headers=headers
    )
    assert page.json()["total"] == 4 and len(page.json()["items"]) == 2
    assert page.json()["total_exact"] is True
    # Past the count limit the total stops there (a province's count would read millions).
    registrar = Principal(
        "search-test", "检索", Role.SCHOOL_REGISTRAR, world.code("b"), UnitKind.SCHOOL,
        world.path("b"),
    )  # fmt: skip
    async with registry_db.sessions() as session:
        capped = await search_pupils(
            session, registrar, PupilFilters(name="欧阳检索"), limit=2, offset=0, count_limit=3
        )
    assert (capped.count.total, capped.count.exact, len(capped.states)) == (3, False, 2)
    by_reason = await registry.get(
        "/v1/pupils",
        params={"name": "欧阳检索", "reason": "ID_NUMBER_CHECK_DIGIT"},
        headers=headers,
    )
    assert [p["name"] for p in by_reason.json()["items"]] == ["欧阳检索问题"]
    drafts = await registry.get(
        "/v1/pupils",
        params={"name": "欧阳检索", "registration_state": "validated", "offset": 1},
        headers=headers,
    )
    assert drafts.json()["total"] == 3 and len(drafts.json()["items"]) == 2
    elsewhere = await registry.get(
        "/v1/pupils", params={"name": "欧阳检索"}, headers=world.registrar("a")
    )
    assert elsewhere.json()["total"] == 0


async def test_deleted_problem_records_stay_visible_to_school_and_county(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    headers = world.registrar("a")
    valid = await create_pupil(registry, headers, pupil_body(ids))
    refused = await registry.delete(f"/v1/pupils/{valid['id']}", headers=headers)
    assert refused.json()["code"] == "PUPIL_NOT_PROBLEM"
    body = pupil_body(ids, name="待删除")
    body["id_number"] = wrong_check(body["id_number"])
    problem = await create_pupil(registry, headers, body)
    deleted = await registry.delete(f"/v1/pupils/{problem['id']}", headers=headers)
    assert deleted.status_code == 200 and deleted.json()["deleted"] is True
    kinds = await event_kinds(registry_db, problem["national_number"])
    assert kinds[-1] == "pupil.problem_resolved"
    for viewer in (headers, world.county(world.path("a")[:4])):
        listed = await registry.get(
            "/v1/pupils", params={"name": "待删除", "include_deleted": True}, headers=viewer
        )
        assert [p["deleted"] for p in listed.json()["items"]] == [True]
    hidden = await registry.get("/v1/pupils", params={"name": "待删除"}, headers=headers)
    assert hidden.json()["total"] == 0
    again = await registry.patch(
        f"/v1/pupils/{problem['id']}", json={"address": "x"}, headers=headers
    )
    assert again.json()["code"] == "PUPIL_DELETED"


async def test_pupil_events_reach_the_broker_keyed_by_national_number(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, infrastructure: Infrastructure
) -> None:
    created = await create_pupil(registry, world.registrar("c"), pupil_body(ids))
    key = created["national_number"].encode()
    consumer = AIOKafkaConsumer(
        TOPIC_PUPIL,
        bootstrap_servers=infrastructure.broker.bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        async with asyncio.timeout(60):
            async for message in consumer:
                if message.key == key:
                    break
    finally:
        await consumer.stop()
    headers = dict(message.headers)
    assert headers["ce_type"] == b"pupil.created"
    assert PupilCreated.FromString(message.value).pupil.pupil_id == created["id"]
