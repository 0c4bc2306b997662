"""Refusal, withdrawal, the same-bureau route, and who may not decide (HTTP API)."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.flows import (
    approve_route,
    decide,
    detail,
    file,
    until,
    until_recorded,
    until_stored,
)
from tests.integration.transfer.world import JIANGAN, new_pupil
from xueji_common.auth.principal import Role

pytestmark = pytest.mark.integration


async def _filed(stack: Stack, ids: IdFactory, receiving: str, sending: str, province: str) -> str:
    pupil = await new_pupil(stack.registry, stack.people, ids, sending)
    response = await file(stack.transfer, stack.people, pupil, receiving, province)
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def test_a_refusal_needs_a_reason_ends_the_transfer_and_frees_the_pupil(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    transfer_id = (await file(api, people, pupil, "zy1", "43")).json()["id"]
    await approve_route(api, people, transfer_id, "zy1", "fr", ["receiving_school"])
    await until(api, people.operator, transfer_id, step="receiving_bureau")

    no_reason = await decide(api, people.county("zy1"), transfer_id, "refuse")
    assert no_reason.status_code == 422, no_reason.text
    assert no_reason.json()["code"] == "REASON_REQUIRED"
    refused = await decide(api, people.county("zy1"), transfer_id, "refuse", reason="学位已满")
    assert refused.status_code == 200, refused.text
    assert refused.json()["decision"] == "refuse"

    stored = await until_stored(api, people.operator, transfer_id, "refused")
    bureau = next(s for s in stored["steps"] if s["step"] == "receiving_bureau")
    assert (bureau["decision"], bureau["reason"]) == ("refuse", "学位已满")
    late = await decide(api, people.reviewer("fr"), transfer_id)
    assert late.status_code == 409 and late.json()["code"] == "TRANSFER_FINISHED"
    again = await file(api, people, pupil, "js", "43")
    assert again.status_code == 201, again.text


async def test_only_the_receiving_school_withdraws(stack: Stack, ids: IdFactory) -> None:
    api, people = stack.transfer, stack.people
    transfer_id = await _filed(stack, ids, "zy1", "fr", "43")
    await until(api, people.operator, transfer_id, step="receiving_school")
    path = f"/v1/transfers/{transfer_id}/withdrawal"

    by_sender = await api.post(path, json={"reason": "不转了"}, headers=people.registrar("fr"))
    assert by_sender.status_code == 403 and by_sender.json()["code"] == "NOT_YOUR_STEP"
    no_reason = await api.post(path, json={"reason": " "}, headers=people.registrar("zy1"))
    assert no_reason.status_code == 422 and no_reason.json()["code"] == "REASON_REQUIRED"
    withdrawn = await api.post(
        path, json={"reason": "家长改变主意"}, headers=people.registrar("zy1")
    )
    assert withdrawn.status_code == 200, withdrawn.text

    stored = await until_stored(api, people.operator, transfer_id, "withdrawn")
    assert stored["steps"][-1]["step"] == "withdrawal"
    assert stored["steps"][-1]["reason"] == "家长改变主意"


async def test_the_wrong_party_is_refused_and_changes_nothing(stack: Stack, ids: IdFactory) -> None:
    api, people = stack.transfer, stack.people
    transfer_id = await _filed(stack, ids, "zy1", "fr", "43")
    await until(api, people.operator, transfer_id, step="receiving_school")

    other_side = await decide(api, people.reviewer("fr"), transfer_id)
    assert other_side.status_code == 403 and other_side.json()["code"] == "NOT_YOUR_STEP"
    wrong_role = await decide(api, people.registrar("zy1"), transfer_id)
    assert wrong_role.status_code == 403 and wrong_role.json()["code"] == "ROLE_NOT_ALLOWED"
    wrong_step = await decide(api, people.reviewer("zy1"), transfer_id, step="receiving_bureau")
    assert wrong_step.status_code == 409 and wrong_step.json()["code"] == "STEP_NOT_ACTIVE"
    outsider = await decide(api, people.of(Role.COUNTY_OFFICER, JIANGAN), transfer_id)
    assert outsider.status_code == 404 and outsider.json()["code"] == "TRANSFER_NOT_FOUND"
    teacher = await decide(
        api, people.of(Role.CLASS_TEACHER, people.school_path("zy1")), transfer_id
    )
    assert teacher.status_code == 403

    unchanged = await detail(api, people.operator, transfer_id)
    assert [(s["step"], s["decision"]) for s in unchanged["steps"]] == [("receiving_school", None)]
    decision_id = str(uuid.uuid4())
    first = await decide(api, people.reviewer("zy1"), transfer_id, decision_id=decision_id)
    repeated = await decide(api, people.reviewer("zy1"), transfer_id, decision_id=decision_id)
    assert first.status_code == repeated.status_code == 200
    assert first.json() == repeated.json()
    await until(api, people.operator, transfer_id, step="receiving_bureau")


async def test_schools_under_one_bureau_share_one_bureau_step_and_see_their_inbox(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    transfer_id = await _filed(stack, ids, "zy1", "zy2", "41")
    await until_recorded(api, people.operator, transfer_id, "receiving_school")
    inbox = await api.get("/v1/transfers/inbox", headers=people.reviewer("zy1"))
    assert transfer_id in [item["id"] for item in inbox.json()["items"]]
    county_inbox = await api.get("/v1/transfers/inbox", headers=people.county("zy1"))
    assert transfer_id not in [item["id"] for item in county_inbox.json()["items"]]

    await approve_route(
        api, people, transfer_id, "zy1", "zy2", ["receiving_school", "sending_school"]
    )
    body = await until(api, people.operator, transfer_id, step="common_bureau")
    assert body["steps"][-1]["party_unit"] == "410102"
    refused = await decide(api, people.county("zy1"), transfer_id, "refuse", reason="材料不全")
    assert refused.status_code == 200, refused.text
    await until_stored(api, people.operator, transfer_id, "refused")


async def test_two_simultaneous_applications_for_one_pupil_one_succeeds(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    first, second = await asyncio.gather(
        file(api, people, pupil, "zy1", "43"), file(api, people, pupil, "js", "43")
    )
    statuses = sorted([first.status_code, second.status_code])
    assert statuses == [201, 409], (first.text, second.text)
    winner, loser = (first, second) if first.status_code == 201 else (second, first)
    assert loser.json()["code"] in ("PUPIL_HAS_OPEN_TRANSFER", "PUPIL_HAS_OPEN_CASE")
    assert winner.json()["id"] in loser.json()["message"]
    listed = await api.get("/v1/transfers", headers=people.operator, params={"limit": 200})
    mine = [i for i in listed.json()["items"] if i["pupil_number"] == pupil["national_number"]]
    assert [i["id"] for i in mine] == [winner.json()["id"]]
