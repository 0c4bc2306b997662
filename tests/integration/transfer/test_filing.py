"""Filing checks the pupil with the registry and the province rules; evidence; scope."""

from __future__ import annotations

import pytest

from tests.integration.registry.builders import IdFactory
from tests.integration.transfer.conftest import Stack
from tests.integration.transfer.flows import file, until_recorded
from tests.integration.transfer.world import FURONG, JIANGAN, ZHONGYUAN, new_pupil
from xueji_common.auth.principal import Role

pytestmark = pytest.mark.integration

PDF = b"%PDF-1.4\n%%EOF\n"


async def _upload(stack: Stack, school: str, data: bytes = PDF) -> object:
    return await stack.transfer.post(
        "/v1/evidence",
        files={"file": ("户口迁移证明.pdf", data, "application/pdf")},
        headers=stack.people.registrar(school),
    )


async def test_the_pupil_must_exist_match_and_be_transferable(stack: Stack, ids: IdFactory) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    cases = [
        ("43", {"national_number": "G430102200001010011"}, 404, "PUPIL_NOT_FOUND"),
        ("43", {"pupil_name": "张大明"}, 422, "PUPIL_NAME_MISMATCH"),
        ("42", {}, 422, "SENDING_PROVINCE_MISMATCH"),
        ("43", {"target_grade": pupil["grade"] + 1}, 422, "GRADE_CHANGE_NOT_ALLOWED"),
        ("43", {"target_grade": 0}, 422, "VALIDATION_FAILED"),
    ]
    for province, changes, status, code in cases:
        response = await file(api, people, pupil, "zy1", province, **changes)
        assert (response.status_code, response.json()["code"]) == (status, code), changes
    own_school = await file(api, people, pupil, "fr", "43")
    assert own_school.json()["code"] == "SAME_SCHOOL"
    by_reviewer = await api.post(
        "/v1/transfers",
        json={"pupil_number": pupil["national_number"], "pupil_name": pupil["name"],
              "sending_province": "43", "target_grade": 3, "reason": "随迁"},
        headers=people.reviewer("zy1"),
    )  # fmt: skip
    assert by_reviewer.status_code == 403
    graduating = await new_pupil(stack.registry, people, ids, "fr", grade=6)
    last_year = await file(api, people, graduating, "zy1", "43")
    assert last_year.json()["code"] == "GRADUATING_YEAR"


async def test_evidence_belongs_to_the_receiving_school_and_parties_can_read_it(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    not_a_pdf = await _upload(stack, "zy1", b"hello")
    assert not_a_pdf.status_code == 422 and not_a_pdf.json()["code"] == "EVIDENCE_TYPE_NOT_ALLOWED"
    own = (await _upload(stack, "zy1")).json()
    foreign = (await _upload(stack, "js")).json()
    assert own["content_type"] == "application/pdf" and own["size_bytes"] == len(PDF)

    pupil = await new_pupil(stack.registry, people, ids, "fr")
    refused = await file(api, people, pupil, "zy1", "43", evidence_ids=[foreign["id"]])
    assert refused.status_code == 404 and refused.json()["code"] == "EVIDENCE_NOT_FOUND"
    # Identified by ID number instead of the national number.
    by_id = {"national_number": pupil["id_number"], "evidence_ids": [own["id"]]}
    filed = await file(api, people, pupil, "zy1", "43", **by_id)
    assert filed.status_code == 201, filed.text
    transfer_id = filed.json()["id"]
    assert filed.json()["evidence_ids"] == [own["id"]]
    assert filed.json()["national_number"] == pupil["national_number"]

    await until_recorded(api, people.operator, transfer_id, "receiving_school")
    for reader in (people.reviewer("fr"), people.county("fr"), people.operator):
        read = await api.get(f"/v1/evidence/{own['id']}", headers=reader)
        assert read.status_code == 200, read.text
    content = await api.get(f"/v1/evidence/{own['id']}/content", headers=people.reviewer("fr"))
    assert content.content == PDF
    outsider = await api.get(f"/v1/evidence/{own['id']}", headers=people.registrar("ja"))
    assert outsider.status_code == 404


async def test_the_first_release_name_of_the_national_number_still_files(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    body = {"pupil_number": pupil["national_number"], "pupil_name": pupil["name"],
            "sending_province": "43", "target_grade": pupil["grade"], "reason": "随迁"}  # fmt: skip
    filed = await api.post("/v1/transfers", json=body, headers=people.registrar("zy1"))
    assert filed.status_code == 201, filed.text
    assert filed.json()["national_number"] == filed.json()["pupil_number"]
    assert filed.json()["national_number"] == pupil["national_number"]
    both = {**body, "national_number": pupil["national_number"]}
    refused = await api.post("/v1/transfers", json=both, headers=people.registrar("js"))
    assert refused.status_code == 422 and refused.json()["code"] == "VALIDATION_FAILED"

async def test_each_party_sees_the_transfers_touching_its_unit(
    stack: Stack, ids: IdFactory
) -> None:
    api, people = stack.transfer, stack.people
    pupil = await new_pupil(stack.registry, people, ids, "fr")
    transfer_id = (await file(api, people, pupil, "zy1", "43")).json()["id"]
    await until_recorded(api, people.operator, transfer_id, "receiving_school")

    readers = [
        people.registrar("zy1"),
        people.reviewer("fr"),
        people.county("zy1"),
        people.of(Role.CITY_OFFICER, ZHONGYUAN[:3]),
        people.of(Role.PROVINCE_OFFICER, FURONG[:2]),
        people.of(Role.OPS, ("CN",)),
    ]
    for headers in readers:
        listed = await api.get("/v1/transfers", headers=headers, params={"state": "in_review"})
        assert transfer_id in [i["id"] for i in listed.json()["items"]], headers
    for headers in (people.registrar("js"), people.of(Role.PROVINCE_OFFICER, JIANGAN[:2])):
        listed = await api.get("/v1/transfers", headers=headers)
        assert transfer_id not in [i["id"] for i in listed.json()["items"]]
        hidden = await api.get(f"/v1/transfers/{transfer_id}", headers=headers)
        assert hidden.status_code == 404
    teacher = await api.get(
        "/v1/transfers", headers=people.of(Role.CLASS_TEACHER, people.school_path("zy1"))
    )
    assert teacher.status_code == 403
    overdue = await api.get("/v1/overdue", headers=people.county("zy1"))
    assert overdue.status_code == 200
    assert all(
        step["transfer_id"] != transfer_id
        for group in overdue.json()["authorities"]
        for step in group["steps"]
    )
    not_overdue = await api.get("/v1/transfers", headers=people.operator, params={"overdue": True})
    assert transfer_id not in [i["id"] for i in not_overdue.json()["items"]]
