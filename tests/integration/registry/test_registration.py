"""Registration (注册/上报): the school submits, only its own county decides."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import update

from tests.integration.registry.builders import IdFactory, World, create_pupil, pupil_body
from tests.integration.registry.events import outbox_events
from xueji_common.db import Database
from xueji_registry.pupils.model import china_today, school_year
from xueji_registry.pupils.tables import pupils

pytestmark = pytest.mark.integration

SUBMISSIONS = "/v1/registration/submissions"


async def suspend(db: Database, pupil_id: str) -> None:
    """What an approved suspension (休学) leaves on the record."""
    async with db.sessions() as session:
        await session.execute(
            update(pupils).where(pupils.c.id == pupil_id).values(status="suspended")
        )
        await session.commit()


async def test_problem_records_are_refused_and_nothing_is_submitted(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    headers = world.registrar("b")
    valid = await create_pupil(registry, headers, pupil_body(ids))
    body = pupil_body(ids)
    body["gender"] = "2"
    problem = await create_pupil(registry, headers, body)
    response = await registry.post(
        SUBMISSIONS, json={"pupil_ids": [valid["id"], problem["id"]]}, headers=headers
    )
    assert response.status_code == 422
    assert response.json()["code"] == "REGISTRATION_PUPILS_NOT_ELIGIBLE"
    [refused] = response.json()["pupils"]
    assert refused["pupil_id"] == problem["id"] and "性别" in refused["reasons"][0]
    still = await registry.get(f"/v1/pupils/{valid['id']}", headers=headers)
    assert still.json()["registration_state"] == "validated"


async def test_the_own_county_approves_and_pupils_become_registered(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    headers = world.registrar("b")
    pupil = await create_pupil(registry, headers, pupil_body(ids))
    suspended = await create_pupil(registry, headers, pupil_body(ids, male=False))
    await suspend(registry_db, suspended["id"])
    submitted = await registry.post(
        SUBMISSIONS, json={"pupil_ids": [pupil["id"], suspended["id"]]}, headers=headers
    )
    assert submitted.status_code == 201, submitted.text
    submission = submitted.json()
    assert submission["state"] == "pending" and submission["pupil_count"] == 2
    frozen = await registry.patch(
        f"/v1/pupils/{pupil['id']}", json={"address": "x"}, headers=headers
    )
    assert frozen.json()["code"] == "PUPIL_UNDER_REVIEW"

    decision_url = f"{SUBMISSIONS}/{submission['id']}/decision"
    approve = {"decision": "approve"}
    xuanwu = world.county(world.path("a")[:4])
    other_county = await registry.post(decision_url, json=approve, headers=xuanwu)
    assert other_county.status_code == 404 and other_county.json()["code"] == "SUBMISSION_NOT_FOUND"
    by_school = await registry.post(decision_url, json=approve, headers=world.reviewer("b"))
    assert by_school.status_code == 403
    city = world.city(world.path("b")[:3])
    assert (await registry.post(decision_url, json=approve, headers=city)).status_code == 403

    qinhuai = world.county(world.path("b")[:4])
    pending = await registry.get(SUBMISSIONS, params={"state": "pending"}, headers=qinhuai)
    assert submission["id"] in {s["id"] for s in pending.json()}
    decided = await registry.post(decision_url, json=approve, headers=qinhuai)
    assert decided.status_code == 200, decided.text
    assert decided.json()["state"] == "approved"
    assert {p["registration_state"] for p in decided.json()["pupils"]} == {"registered"}
    twice = await registry.post(decision_url, json=approve, headers=qinhuai)
    assert twice.json()["code"] == "SUBMISSION_DECIDED"

    for who in (pupil, suspended):
        events = await outbox_events(registry_db, who["national_number"])
        kinds = [kind for kind, _ in events]
        assert kinds == ["pupil.created", "pupil.updated", "pupil.registered"]
        versions = [message.pupil.record_version for _, message in events]
        assert versions == sorted(set(versions))
        assert events[-1][1].school_year == school_year(china_today())

    locked = await registry.patch(
        f"/v1/pupils/{pupil['id']}", json={"name": "张改名"}, headers=headers
    )
    assert locked.json()["code"] == "PUPIL_CORE_FIELD_LOCKED"
    regraded = await registry.patch(f"/v1/pupils/{pupil['id']}", json={"grade": 2}, headers=headers)
    assert regraded.json()["code"] == "PUPIL_GRADE_LOCKED"
    address = await registry.patch(
        f"/v1/pupils/{pupil['id']}", json={"address": "秦淮区1号"}, headers=headers
    )
    assert address.status_code == 200 and address.json()["registration_state"] == "registered"
    again = await registry.post(SUBMISSIONS, json={"pupil_ids": [pupil["id"]]}, headers=headers)
    assert again.json()["code"] == "REGISTRATION_PUPILS_NOT_ELIGIBLE"


async def test_a_returned_batch_can_be_fixed_and_submitted_again(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    headers = world.registrar("c")
    pupil = await create_pupil(registry, headers, pupil_body(ids))
    submitted = await registry.post(SUBMISSIONS, json={}, headers=headers)
    assert submitted.status_code == 201, submitted.text
    submission = submitted.json()
    assert pupil["id"] in {p["pupil_id"] for p in submission["pupils"]}
    county = world.county(world.path("c")[:4])
    missing_reason = await registry.post(
        f"{SUBMISSIONS}/{submission['id']}/decision", json={"decision": "return"}, headers=county
    )
    assert missing_reason.status_code == 422
    returned = await registry.post(
        f"{SUBMISSIONS}/{submission['id']}/decision",
        json={
            "decision": "return",
            "reason": "请核对家庭住址",
            "pupil_reasons": [{"pupil_id": pupil["id"], "reason": "住址不完整"}],
        },
        headers=county,
    )
    assert returned.status_code == 200, returned.text
    listed = {p["pupil_id"]: p for p in returned.json()["pupils"]}
    assert listed[pupil["id"]]["registration_state"] == "returned"
    assert listed[pupil["id"]]["return_reason"] == "住址不完整"
    fixed = await registry.patch(
        f"/v1/pupils/{pupil['id']}", json={"address": "杭州市上城区解放路3号"}, headers=headers
    )
    assert fixed.json()["registration_state"] == "returned"
    resubmitted = await registry.post(
        SUBMISSIONS, json={"pupil_ids": [pupil["id"]]}, headers=headers
    )
    assert resubmitted.status_code == 201, resubmitted.text
