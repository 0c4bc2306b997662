"""Problem data settled by proof (佐证), and J numbers issued on the bureau's proof."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.registry.builders import (
    IdFactory,
    World,
    create_pupil,
    pupil_body,
    upload_evidence,
)
from tests.integration.registry.events import outbox_events
from xueji_common.db import Database
from xueji_registry.domain.check_character import check_character

pytestmark = pytest.mark.integration


async def test_proof_settles_a_provable_reason_and_only_that(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    headers = world.registrar("a")
    body = pupil_body(ids)
    body["birth_date"] = "2010-01-01"
    body["grade"] = 1
    pupil = await create_pupil(registry, headers, body)
    codes = {r["code"] for r in pupil["problem_reasons"]}
    assert codes == {"BIRTH_DATE_MISMATCH"}
    evidence = await upload_evidence(registry, headers, pupil["id"], "proof")
    not_provable = await registry.post(
        f"/v1/pupils/{pupil['id']}/proof",
        json={"reason_codes": ["UNDER_AGE_GRADE1"], "evidence_document_ids": [evidence]},
        headers=headers,
    )
    assert not_provable.json()["code"] == "REASON_NOT_PROVABLE"
    settled = await registry.post(
        f"/v1/pupils/{pupil['id']}/proof",
        json={"reason_codes": ["BIRTH_DATE_MISMATCH"], "evidence_document_ids": [evidence]},
        headers=headers,
    )
    assert settled.status_code == 200, settled.text
    assert settled.json()["problem"] is False
    assert [r["code"] for r in settled.json()["waived_reasons"]] == ["BIRTH_DATE_MISMATCH"]
    kind, event = (await outbox_events(registry_db, pupil["national_number"]))[-1]
    assert kind == "pupil.problem_resolved"
    assert list(event.evidence_document_ids) == [evidence]
    # A later change does not bring the settled reason back.
    later = await registry.patch(
        f"/v1/pupils/{pupil['id']}", json={"address": "玄武区3号"}, headers=headers
    )
    assert later.json()["problem"] is False


async def test_a_county_issues_a_j_number_on_written_proof(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    headers = world.registrar("a")
    body = pupil_body(ids, id_type=None, id_number=None, name="无证件学生")
    pupil = await create_pupil(registry, headers, body)
    temporary = pupil["national_number"]
    assert temporary.startswith("L320102") and pupil["problem"] is False
    county = world.county(world.path("a")[:4])
    proof = await upload_evidence(registry, county, pupil["id"], "j_number")
    by_school = await registry.post(
        f"/v1/pupils/{pupil['id']}/j-number",
        json={"evidence_document_id": proof},
        headers=headers,
    )
    assert by_school.status_code == 403
    issued = await registry.post(
        f"/v1/pupils/{pupil['id']}/j-number",
        json={"evidence_document_id": proof},
        headers=county,
    )
    assert issued.status_code == 200, issued.text
    number = issued.json()["national_number"]
    birth = body["birth_date"].replace("-", "")
    assert number.startswith("J320102" + birth) and number[-1] == check_character(number[1:18])
    assert issued.json()["previous_national_numbers"] == [temporary]
    kind, event = (await outbox_events(registry_db, number))[-1]
    assert kind == "pupil.updated" and event.pupil.previous_national_numbers == [temporary]

    with_id = await create_pupil(registry, headers, pupil_body(ids))
    proof_two = await upload_evidence(registry, county, with_id["id"], "j_number")
    refused = await registry.post(
        f"/v1/pupils/{with_id['id']}/j-number",
        json={"evidence_document_id": proof_two},
        headers=county,
    )
    assert refused.json()["code"] == "J_NUMBER_NOT_ALLOWED"
