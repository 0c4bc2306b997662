"""Status changes (SPEC §4) end to end: filing, the county's decision through the workflow,
the change on the record with its event and history, and the refusals."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.registry_status.conftest import Registry
from tests.integration.registry_status.flows import (
    case_until,
    decide,
    file_change,
    finished,
    in_review,
    outbox_events,
)
from tests.integration.registry_status.world import (
    DONGHU,
    NANCHANG,
    XIHU,
    World,
    evidence,
    new_pupil,
)
from xueji.registry.v1 import pupil_pb2

pytestmark = pytest.mark.integration


async def suspension(http: httpx.AsyncClient, world: World, pupil: dict) -> dict:
    document = await evidence(http, world, "p", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "suspension",
        "reason": "因病休学一年",
        "evidence_document_ids": [document],
    }
    response = await file_change(http, world, "p", body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_approved_suspension_suspends_the_pupil_with_event_and_history(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "p", grade=3)
    filed = await suspension(http, world, pupil)
    county = world.county(DONGHU)
    case = await case_until(http, county, filed["id"], in_review)
    assert case["timeline"][0]["party_unit"] == "360102"

    response = await decide(http, county, case["id"], "approve")
    assert response.status_code == 200, response.text
    done = await case_until(http, county, case["id"], finished)

    assert done["state"] == "completed"
    assert done["decided_by_unit"] == "360102"
    assert done["previous_status"] == "enrolled"
    assert [e["type"] for e in done["events"]][-2:] == [
        "status_change.applied",
        "status_change.completed",
    ]
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=world.registrar("p"))).json()
    assert record["status"] == "suspended"
    assert record["open_case"] is None
    changed = [m for k, m in await outbox_events(registry.db, pupil["national_number"])
               if k == "pupil.status_changed"]  # fmt: skip
    assert len(changed) == 1
    assert changed[0].kind == pupil_pb2.STATUS_CHANGE_KIND_SUSPENSION
    assert changed[0].previous_status == pupil_pb2.PUPIL_STATUS_ENROLLED
    assert changed[0].pupil.status == pupil_pb2.PUPIL_STATUS_SUSPENDED
    assert changed[0].status_change_id == case["id"]
    assert changed[0].requested_by.unit_code == world.code("p")
    history = (
        await http.get(f"/v1/pupils/{pupil['id']}/history", headers=world.registrar("p"))
    ).json()
    status_rows = [h for h in history if h["field"] == "status"]
    assert status_rows[-1]["old_value"] == "enrolled"
    assert status_rows[-1]["new_value"] == "suspended"
    assert "因病休学一年" in status_rows[-1]["reason"]


async def test_refusal_needs_a_reason_and_leaves_the_record(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "p", grade=2)
    filed = await suspension(http, world, pupil)
    county = world.county(DONGHU)
    await case_until(http, county, filed["id"], in_review)

    bare = await decide(http, county, filed["id"], "refuse")
    assert bare.status_code == 422
    assert bare.json()["code"] == "REASON_REQUIRED"
    refused = await decide(http, county, filed["id"], "refuse", reason="诊断证明已过期")
    assert refused.status_code == 200, refused.text
    done = await case_until(http, county, filed["id"], finished)

    assert done["state"] == "refused"
    assert done["decision_reason"] == "诊断证明已过期"
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=world.registrar("p"))).json()
    assert record["status"] == "enrolled"
    assert record["open_case"] is None
    kinds = [k for k, _ in await outbox_events(registry.db, pupil["national_number"])]
    assert "pupil.status_changed" not in kinds


async def test_another_county_cannot_see_or_decide_and_the_city_is_not_the_party(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "p", grade=4)
    filed = await suspension(http, world, pupil)
    await case_until(http, world.county(DONGHU), filed["id"], in_review)

    other = await decide(http, world.county(XIHU), filed["id"], "approve")
    assert other.status_code == 404
    assert other.json()["code"] == "STATUS_CHANGE_NOT_FOUND"
    city = await decide(http, world.city(NANCHANG), filed["id"], "approve")
    assert city.status_code == 403
    assert city.json()["code"] == "NOT_YOUR_STEP"
    school = await decide(http, world.registrar("p"), filed["id"], "approve")
    assert school.status_code == 403
    listed = await http.get("/v1/status-changes", headers=world.county(XIHU))
    assert filed["id"] not in [c["id"] for c in listed.json()["items"]]
    case = (
        await http.get(f"/v1/status-changes/{filed['id']}", headers=world.county(DONGHU))
    ).json()
    assert case["state"] == "in_review"
    assert case["decision"] is None


async def test_a_second_open_case_is_refused_with_2002_naming_the_first(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "p", grade=5)
    first = await suspension(http, world, pupil)
    document = await evidence(http, world, "p", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "death",
        "reason": "因病去世",
        "evidence_document_ids": [document],
    }
    second = await file_change(http, world, "p", body)

    assert second.status_code == 409
    problem = second.json()
    assert problem["code"] == "PUPIL_HAS_OPEN_CASE"
    assert problem["national_error"] == 2002
    assert problem["open_case"]["case_id"] == first["id"]
    assert first["id"] in problem["message"]


async def test_suspension_without_evidence_is_refused(registry: Registry, world: World) -> None:
    pupil = await new_pupil(registry.http, world, "p", grade=3)
    body = {"pupil_id": pupil["id"], "change_type": "suspension", "reason": "因病休学"}
    response = await file_change(registry.http, world, "p", body)
    assert response.status_code == 422
    assert response.json()["code"] == "STATUS_CHANGE_EVIDENCE_REQUIRED"
    assert response.json()["field"] == "evidence_document_ids"


async def test_dropout_is_refused_in_compulsory_education_and_the_flag_is_used_instead(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "j", grade=8)
    document = await evidence(http, world, "j", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "dropout",
        "reason": "家长申请退学",
        "evidence_document_ids": [document],
    }
    refused = await file_change(http, world, "j", body)
    assert refused.status_code == 422
    assert refused.json()["code"] == "DROPOUT_IN_COMPULSORY_EDUCATION"
    assert "left-school" in refused.json()["message"]

    url = f"/v1/pupils/{pupil['id']}/left-school"
    flagged = await http.put(
        url, json={"left_school": True, "reason": "连续一个月未到校"}, headers=world.registrar("j")
    )
    assert flagged.status_code == 200, flagged.text
    assert flagged.json()["status"] == "absent"
    again = await http.put(
        url, json={"left_school": True, "reason": "重复"}, headers=world.registrar("j")
    )
    assert again.status_code == 409
    cleared = await http.put(
        url, json={"left_school": False, "reason": "已返校"}, headers=world.registrar("j")
    )
    assert cleared.json()["status"] == "enrolled"
    kinds = [m.kind for k, m in await outbox_events(registry.db, pupil["national_number"])
             if k == "pupil.status_changed"]  # fmt: skip
    assert kinds == [
        pupil_pb2.STATUS_CHANGE_KIND_LEFT_SCHOOL,
        pupil_pb2.STATUS_CHANGE_KIND_RETURNED_TO_SCHOOL,
    ]


async def test_senior_dropout_withdraws_the_pupil(registry: Registry, world: World) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "s", grade=11)
    document = await evidence(http, world, "s", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "dropout",
        "reason": "本人及家长申请退学",
        "evidence_document_ids": [document],
    }
    filed = await file_change(http, world, "s", body)
    assert filed.status_code == 201, filed.text
    county = world.county(DONGHU)
    await case_until(http, county, filed.json()["id"], in_review)
    await decide(http, county, filed.json()["id"], "approve")
    done = await case_until(http, county, filed.json()["id"], finished)

    assert done["state"] == "completed"
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=world.registrar("s"))).json()
    assert record["status"] == "withdrawn"
    [changed] = [m for k, m in await outbox_events(registry.db, pupil["national_number"])
                 if k == "pupil.status_changed"]  # fmt: skip
    assert changed.kind == pupil_pb2.STATUS_CHANGE_KIND_DROPOUT
