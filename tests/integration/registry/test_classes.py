"""Classes, class assignment (分班) and what class teachers may touch."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from tests.integration.registry.events import outbox_events
from xueji_common.db import Database

pytestmark = pytest.mark.integration


async def make_class(
    registry: httpx.AsyncClient, world: World, school: str, grade: int, number: int
) -> dict:
    response = await registry.post(
        "/v1/classes",
        json={"grade": grade, "number": number, "teacher_account_id": world.teacher_ids[school]},
        headers=world.registrar(school),
    )
    if response.status_code == 409:
        listed = await registry.get(
            f"/v1/schools/{world.code(school)}/classes", headers=world.registrar(school)
        )
        return next(c for c in listed.json() if c["grade"] == grade and c["number"] == number)
    assert response.status_code == 201, response.text
    return response.json()


async def test_registrar_creates_classes_with_checked_grade_and_teacher(
    registry: httpx.AsyncClient, world: World
) -> None:
    created = await make_class(registry, world, "a", 1, 3)
    assert created["name"] == "一年级(3)班" and created["code"] == "0103"
    again = await registry.post(
        "/v1/classes", json={"grade": 1, "number": 3}, headers=world.registrar("a")
    )
    assert again.json()["code"] == "CLASS_EXISTS"
    senior = await registry.post(
        "/v1/classes", json={"grade": 10, "number": 1}, headers=world.registrar("a")
    )
    assert senior.json()["code"] == "CLASS_GRADE_INVALID"
    foreign_teacher = await registry.post(
        "/v1/classes",
        json={"grade": 2, "number": 1, "teacher_account_id": world.teacher_ids["b"]},
        headers=world.registrar("a"),
    )
    assert foreign_teacher.json()["code"] == "CLASS_TEACHER_INVALID"
    by_teacher = await registry.post(
        "/v1/classes", json={"grade": 2, "number": 2}, headers=world.teacher("a")
    )
    assert by_teacher.status_code == 403


async def test_assignment_is_all_or_nothing_and_emits_updates(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    school_class = await make_class(registry, world, "a", 2, 1)
    first = await create_pupil(registry, world.registrar("a"), pupil_body(ids, grade=2))
    second = await create_pupil(registry, world.registrar("a"), pupil_body(ids, grade=2))
    wrong_grade = await create_pupil(registry, world.registrar("a"), pupil_body(ids, grade=3))
    url = f"/v1/classes/{school_class['id']}/pupils"
    refused = await registry.post(
        url,
        json={"pupil_ids": [first["id"], wrong_grade["id"]]},
        headers=world.registrar("a"),
    )
    assert refused.json()["code"] == "CLASS_GRADE_MISMATCH"
    untouched = await registry.get(f"/v1/pupils/{first['id']}", headers=world.registrar("a"))
    assert untouched.json()["class_id"] is None
    done = await registry.post(
        url, json={"pupil_ids": [first["id"], second["id"]]}, headers=world.registrar("a")
    )
    assert done.status_code == 200, done.text
    assert {p["class_name"] for p in done.json()} == {"二年级(1)班"}
    kinds = [k for k, _ in await outbox_events(registry_db, first["national_number"])]
    assert kinds == ["pupil.created", "pupil.updated"]
    _, updated = (await outbox_events(registry_db, first["national_number"]))[-1]
    assert updated.pupil.class_name == "二年级(1)班" and updated.pupil.record_version == 2


async def test_class_teachers_see_and_change_only_their_own_class(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    mine = await make_class(registry, world, "a", 3, 1)
    theirs = await registry.post(
        "/v1/classes", json={"grade": 3, "number": 2}, headers=world.registrar("a")
    )
    assert theirs.status_code in (201, 409)
    teacher = world.teacher("a")
    own = await create_pupil(registry, teacher, pupil_body(ids, grade=3, class_id=mine["id"]))
    other = await create_pupil(registry, world.registrar("a"), pupil_body(ids, grade=3))
    assert (await registry.get(f"/v1/pupils/{own['id']}", headers=teacher)).status_code == 200
    assert (await registry.get(f"/v1/pupils/{other['id']}", headers=teacher)).status_code == 404
    changed = await registry.patch(
        f"/v1/pupils/{own['id']}", json={"address": "玄武区北京东路2号"}, headers=teacher
    )
    assert changed.status_code == 200 and changed.json()["address"] == "玄武区北京东路2号"
    refused = await registry.patch(
        f"/v1/pupils/{other['id']}", json={"address": "x"}, headers=teacher
    )
    assert refused.status_code == 404
    outside_class = await registry.post(
        "/v1/pupils", json=pupil_body(ids, grade=3), headers=teacher
    )
    assert outside_class.status_code == 403
    # A teacher takes an unassigned pupil of the school into their class (分班).
    taken = await registry.post(
        f"/v1/classes/{mine['id']}/pupils", json={"pupil_ids": [other["id"]]}, headers=teacher
    )
    assert taken.status_code == 200, taken.text
    listed = await registry.get("/v1/pupils", params={"grade": 3}, headers=teacher)
    assert {p["id"] for p in listed.json()["items"]} >= {own["id"], other["id"]}
    assert all(p["class_id"] == mine["id"] for p in listed.json()["items"])
