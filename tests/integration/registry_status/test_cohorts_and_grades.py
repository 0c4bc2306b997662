"""Cohort graduation through one batch and one county decision; repeat/skip by province rule."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.integration.registry_status.conftest import Registry
from tests.integration.registry_status.flows import (
    PAUSE,
    POLLS,
    case_until,
    decide,
    file_change,
    finished,
    in_review,
    outbox_events,
)
from tests.integration.registry_status.world import (
    DONGHU,
    XIHU,
    XINGNING,
    World,
    evidence,
    new_pupil,
)
from xueji.registry.v1 import pupil_pb2

pytestmark = pytest.mark.integration


async def batch_cases_until(
    http: httpx.AsyncClient, headers: dict[str, str], batch_id: str, done: object
) -> list[dict]:
    cases: list[dict] = []
    for _ in range(POLLS):
        listed = await http.get(
            "/v1/status-changes", params={"batch_id": batch_id}, headers=headers
        )
        cases = listed.json()["items"]
        if cases and all(done(c) for c in cases):  # type: ignore[operator]
            return cases
        await asyncio.sleep(PAUSE)
    raise AssertionError(f"batch cases never got there: {cases}")


def waiting_for_bureau(case: dict) -> bool:
    return case["current_step"] == "county_bureau" and case["deadline"] is not None


async def test_a_cohort_graduates_with_one_county_decision(
    registry: Registry, world: World
) -> None:
    http = registry.http
    cohort = [await new_pupil(http, world, "w", grade=6, male=i % 2 == 0) for i in range(6)]
    busy = cohort[0]
    document = await evidence(http, world, "w", busy["id"])
    body = {
        "pupil_id": busy["id"],
        "change_type": "suspension",
        "reason": "因病休学",
        "evidence_document_ids": [document],
    }
    assert (await file_change(http, world, "w", body)).status_code == 201

    created = await http.post(
        "/v1/status-changes/graduation-batch",
        json={"school_code": world.code("w"), "grade": 6, "reason": "小学毕业"},
        headers=world.registrar("w"),
    )
    assert created.status_code == 201, created.text
    batch = created.json()
    assert batch["filed_count"] == 5
    assert [(e["pupil_id"], e["code"]) for e in batch["excluded"]] == [
        (busy["id"], "PUPIL_HAS_OPEN_CASE")
    ]
    county = world.county(XIHU)
    await batch_cases_until(http, county, batch["id"], waiting_for_bureau)

    elsewhere = await http.post(
        f"/v1/status-changes/graduation-batch/{batch['id']}/decision",
        json={"decision": "approve"},
        headers=world.county(DONGHU),
    )
    assert elsewhere.status_code == 404
    request = {"decision": "approve", "decision_id": "batch-approval-1"}
    url = f"/v1/status-changes/graduation-batch/{batch['id']}/decision"
    decided = await http.post(url, json=request, headers=county)
    assert decided.status_code == 200, decided.text
    assert decided.json() == {"batch_id": batch["id"], "decided": 5, "not_decided": []}
    cases = await batch_cases_until(http, county, batch["id"], finished)

    assert {c["state"] for c in cases} == {"completed"}
    summary = (await http.get(f"/v1/status-changes/graduation-batch/{batch['id']}",
                              headers=county)).json()  # fmt: skip
    assert summary["states"] == {"completed": 5}
    repeated = await http.post(url, json=request, headers=county)
    assert repeated.json()["decided"] == 0
    for pupil in cohort[1:]:
        record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=county)).json()
        assert record["status"] == "graduated"
        kinds = [m.kind for k, m in await outbox_events(registry.db, pupil["national_number"])
                 if k == "pupil.status_changed"]  # fmt: skip
        assert kinds == [pupil_pb2.STATUS_CHANGE_KIND_GRADUATION]
    still = (await http.get(f"/v1/pupils/{busy['id']}", headers=county)).json()
    assert still["status"] == "enrolled"


async def test_graduation_outside_the_graduating_grade_is_refused(
    registry: Registry, world: World
) -> None:
    pupil = await new_pupil(registry.http, world, "p", grade=5)
    body = {"pupil_id": pupil["id"], "change_type": "graduation", "reason": "毕业"}
    response = await file_change(registry.http, world, "p", body)
    assert response.status_code == 422
    assert response.json()["code"] == "NOT_GRADUATING_GRADE"


async def test_repeating_a_grade_needs_the_province_to_allow_it(
    registry: Registry, world: World
) -> None:
    http = registry.http
    pupil = await new_pupil(http, world, "g", grade=3)
    document = await evidence(http, world, "g", pupil["id"])
    body = {
        "pupil_id": pupil["id"],
        "change_type": "repeat_grade",
        "reason": "家长申请留级",
        "evidence_document_ids": [document],
    }
    refused = await file_change(http, world, "g", body)
    assert refused.status_code == 422
    assert refused.json()["code"] == "GRADE_CHANGE_NOT_ALLOWED"

    rules = {"allows_repeat_grade": True, "allows_skip_grade": False,
             "evidence_required": ["suspension", "repeat_grade", "death"]}  # fmt: skip
    url = "/v1/provinces/45/status-change-rules"
    foreign = await http.put(url, json=rules, headers=world.province(("CN", "36")))
    assert foreign.status_code == 404
    stored = await http.put(url, json=rules, headers=world.province(("CN", "45")))
    assert stored.status_code == 200, stored.text
    assert stored.json()["allows_repeat_grade"] is True

    filed = await file_change(http, world, "g", body)
    assert filed.status_code == 201, filed.text
    county = world.county(XINGNING)
    await case_until(http, county, filed.json()["id"], in_review)
    assert (await decide(http, county, filed.json()["id"], "approve")).status_code == 200
    done = await case_until(http, county, filed.json()["id"], finished)

    assert done["state"] == "completed"
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=county)).json()
    assert record["grade"] == 2
    assert record["graduation_year"] == pupil["graduation_year"] + 1
    assert record["status"] == "enrolled"


async def test_a_change_the_rules_no_longer_allow_fails_and_frees_the_pupil(
    registry: Registry, world: World
) -> None:
    http = registry.http
    url = "/v1/provinces/45/status-change-rules"
    province = world.province(("CN", "45"))
    rules = {"allows_repeat_grade": True, "allows_skip_grade": True,
             "evidence_required": ["suspension", "repeat_grade", "death"]}  # fmt: skip
    assert (await http.put(url, json=rules, headers=province)).status_code == 200
    pupil = await new_pupil(http, world, "g", grade=3)
    body = {"pupil_id": pupil["id"], "change_type": "skip_grade", "reason": "学业优秀申请跳级"}
    filed = await file_change(http, world, "g", body)
    assert filed.status_code == 201, filed.text
    county = world.county(XINGNING)
    await case_until(http, county, filed.json()["id"], in_review)
    rules["allows_skip_grade"] = False
    assert (await http.put(url, json=rules, headers=province)).status_code == 200

    assert (await decide(http, county, filed.json()["id"], "approve")).status_code == 200
    done = await case_until(http, county, filed.json()["id"], finished)

    assert done["state"] == "failed"
    assert done["failure_code"] == "STATUS_CHANGE_NOT_APPLIED"
    assert "GRADE_CHANGE_NOT_ALLOWED" in done["failure_message"]
    record = (await http.get(f"/v1/pupils/{pupil['id']}", headers=county)).json()
    assert (record["grade"], record["open_case"]) == (3, None)
