"""Corrections of registered core fields: requested with evidence, decided by the county."""

from __future__ import annotations

import httpx
import pytest

from tests.integration.registry.builders import (
    IdFactory,
    World,
    create_pupil,
    pupil_body,
    register,
    upload_evidence,
)
from tests.integration.registry.events import outbox_events
from xueji_common.db import Database

pytestmark = pytest.mark.integration


async def registered_pupil(registry: httpx.AsyncClient, world: World, ids: IdFactory) -> dict:
    pupil = await create_pupil(registry, world.registrar("a"), pupil_body(ids, name="王晓"))
    await register(registry, world, "a", [pupil["id"]])
    return pupil


async def test_an_approved_name_correction_is_applied_with_its_history(
    registry: httpx.AsyncClient, world: World, ids: IdFactory, registry_db: Database
) -> None:
    pupil = await registered_pupil(registry, world, ids)
    headers = world.registrar("a")
    evidence = await upload_evidence(registry, headers, pupil["id"], "correction")
    request = {
        "pupil_id": pupil["id"],
        "changes": {"name": "王晓𬀩"},
        "reason": "户口簿姓名已变更，派出所出具证明",
        "evidence_document_ids": [evidence],
    }
    created = await registry.post("/v1/corrections", json=request, headers=headers)
    assert created.status_code == 201, created.text
    correction = created.json()
    assert correction["changes"] == [{"field": "name", "old_value": "王晓", "new_value": "王晓𬀩"}]
    second = await registry.post("/v1/corrections", json=request, headers=headers)
    assert second.json()["code"] == "CORRECTION_PENDING"

    url = f"/v1/corrections/{correction['id']}/decision"
    elsewhere = await registry.post(
        url, json={"decision": "approve"}, headers=world.county(world.path("b")[:4])
    )
    assert elsewhere.status_code == 404
    approved = await registry.post(
        url, json={"decision": "approve"}, headers=world.county(world.path("a")[:4])
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "approved"

    now = await registry.get(f"/v1/pupils/{pupil['id']}", headers=headers)
    assert now.json()["name"] == "王晓𬀩"
    history = await registry.get(f"/v1/pupils/{pupil['id']}/history", headers=headers)
    [entry] = [h for h in history.json() if h["field"] == "name"]
    assert (entry["old_value"], entry["new_value"]) == ("王晓", "王晓𬀩")
    assert entry["source"] == "correction" and entry["source_id"] == correction["id"]
    assert entry["reason"] == request["reason"] and entry["actor_role"] == "county_officer"
    kind, event = (await outbox_events(registry_db, pupil["national_number"]))[-1]
    assert kind == "pupil.corrected"
    assert [(c.field, c.new_value) for c in event.changes] == [("name", "王晓𬀩")]
    assert list(event.evidence_document_ids) == [evidence]
    assert event.requested_by.role == "school_registrar"


async def test_corrections_are_refused_with_a_reason_or_when_invalid(
    registry: httpx.AsyncClient, world: World, ids: IdFactory
) -> None:
    pupil = await registered_pupil(registry, world, ids)
    headers = world.registrar("a")
    evidence = await upload_evidence(registry, headers, pupil["id"], "correction")
    invalid = await registry.post(
        "/v1/corrections",
        json={
            "pupil_id": pupil["id"],
            "changes": {"gender": "2"},
            "reason": "性别录入错误",
            "evidence_document_ids": [evidence],
        },
        headers=headers,
    )
    assert invalid.status_code == 422 and invalid.json()["code"] == "CORRECTION_INVALID"
    assert invalid.json()["reasons"][0]["code"] == "GENDER_MISMATCH"
    unregistered = await create_pupil(registry, headers, pupil_body(ids))
    direct = await registry.post(
        "/v1/corrections",
        json={
            "pupil_id": unregistered["id"],
            "changes": {"name": "新名"},
            "reason": "x",
            "evidence_document_ids": [evidence],
        },
        headers=headers,
    )
    assert direct.json()["code"] == "CORRECTION_ONLY_REGISTERED"
    created = await registry.post(
        "/v1/corrections",
        json={
            "pupil_id": pupil["id"],
            "changes": {"name": "王小"},
            "reason": "录入错误",
            "evidence_document_ids": [evidence],
        },
        headers=headers,
    )
    url = f"/v1/corrections/{created.json()['id']}/decision"
    county = world.county(world.path("a")[:4])
    no_reason = await registry.post(url, json={"decision": "refuse"}, headers=county)
    assert no_reason.status_code == 422
    refused = await registry.post(
        url, json={"decision": "refuse", "reason": "证明材料不清晰"}, headers=county
    )
    assert refused.json()["state"] == "refused"
    assert refused.json()["refusal_reason"] == "证明材料不清晰"
    unchanged = await registry.get(f"/v1/pupils/{pupil['id']}", headers=headers)
    assert unchanged.json()["name"] == "王晓"
