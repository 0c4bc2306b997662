"""One person, one record (一人一籍), enforced by the database, and the bureaus' lists."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.db import Database
from xueji_common.uow import UnitOfWork
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate
from xueji_registry.pupils.model import china_today
from xueji_registry.pupils.reading.access import find_school
from xueji_registry.pupils.state import PupilState
from xueji_registry.pupils.writing.insertion import DuplicateId, insert_pupils
from xueji_registry.pupils.writing.numbers import NumberAllocator
from xueji_registry.schema import outbox

pytestmark = pytest.mark.integration


async def test_concurrent_entries_of_one_id_at_two_schools_let_exactly_one_win(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    body = pupil_body(ids)
    for _ in range(3):
        body = pupil_body(ids)
        answers = await asyncio.gather(
            registry.post("/v1/pupils", json=body, headers=world.registrar("a")),
            registry.post("/v1/pupils", json=body, headers=world.registrar("c")),
        )
        assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
        winner = next(a for a in answers if a.status_code == 201).json()
        loser = next(a for a in answers if a.status_code == 409).json()
        assert loser["code"] == "PUPIL_DUPLICATE_ID"
        assert loser["school_code"] == winner["school_code"]
        assert winner["school_name"] in loser["message"]


async def test_changing_an_id_to_one_held_elsewhere_is_refused(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    held = await create_pupil(registry, world.registrar("b"), pupil_body(ids))
    mine = await create_pupil(registry, world.registrar("a"), pupil_body(ids))
    response = await registry.patch(
        f"/v1/pupils/{mine['id']}",
        json={"id_number": held["id_number"]},
        headers=world.registrar("a"),
    )
    assert response.status_code == 409 and response.json()["code"] == "PUPIL_DUPLICATE_ID"
    assert response.json()["school_code"] == world.code("b")
    unchanged = await registry.get(f"/v1/pupils/{mine['id']}", headers=world.registrar("a"))
    assert unchanged.json()["record_version"] == 1


def _principal(world: World, school: str) -> Principal:
    path = world.path(school)
    return Principal("", "导入", Role.SCHOOL_REGISTRAR, path[-1], UnitKind.SCHOOL, path)


async def test_bulk_insert_keeps_duplicates_as_problem_data_when_asked(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    held = await create_pupil(registry, world.registrar("b"), pupil_body(ids))
    fresh = pupil_body(ids)
    numbers = NumberAllocator(registry_db)
    today = china_today()
    async with UnitOfWork(registry_db, outbox) as uow:
        school = await find_school(uow.session, world.code("a"))
        assert school is not None
        candidates = [
            validate_candidate(
                PupilCandidate(
                    name=body["name"],
                    gender=body["gender"],
                    birth_date=None,
                    grade=1,
                    stage="primary",
                    enrolment_year=body["enrolment_year"],
                    id_number=body["id_number"],
                ),
                school=school,
                today=today,
            )
            for body in (held, fresh, fresh)
        ]
        results = await insert_pupils(
            uow, _principal(world, "a"), school, candidates, numbers=numbers, keep_duplicates=True
        )
        await uow.commit()
    kept, inserted, second = results
    assert isinstance(kept, PupilState) and kept.id_conflict
    assert kept.national_number.startswith("L")
    duplicate = next(r for r in kept.problem_reasons if r.code == "ID_NUMBER_DUPLICATE")
    assert duplicate.related_national_number == held["national_number"]
    assert isinstance(inserted, PupilState) and not inserted.id_conflict
    # The same ID twice in one batch: the second is held by the first.
    assert isinstance(second, PupilState) and second.id_conflict

    async with UnitOfWork(registry_db, outbox) as uow:
        again = await insert_pupils(
            uow, _principal(world, "a"), school, candidates[:1], numbers=numbers
        )
    assert isinstance(again[0], DuplicateId) and again[0].holder.school_code == world.code("b")

    county = world.county(world.path("a")[:4])
    listed = await registry.get("/v1/pupils/id-conflicts", headers=county)
    conflicts = {c["pupil"]["id"]: c for c in listed.json()}
    assert conflicts[str(kept.id)]["holder"]["school_code"] == world.code("b")
    refused = await registry.get("/v1/pupils/id-conflicts", headers=world.registrar("a"))
    assert refused.status_code == 403


async def test_same_name_gender_and_birth_date_without_id_are_listed_for_bureaus(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    for school in ("a", "b", "b"):
        body = pupil_body(ids, name="无证件·测试", id_type=None, id_number=None)
        body["birth_date"] = "2018-05-06"
        await create_pupil(registry, world.registrar(school), body)
    city = world.city(world.path("a")[:3])
    groups = await registry.get("/v1/pupils/suspected-duplicates", headers=city)
    assert groups.status_code == 200
    group = next(g for g in groups.json() if g["key"].startswith("无证件测试|"))
    assert sorted(m["school_code"] for m in group["members"]) == sorted(
        [world.code("a"), world.code("b"), world.code("b")]
    )
    outside = await registry.get(
        "/v1/pupils/suspected-duplicates", headers=world.county(world.path("c")[:4])
    )
    assert all(not g["key"].startswith("无证件测试|") for g in outside.json())
