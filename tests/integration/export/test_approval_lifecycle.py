"""The approval lifecycle on real Temporal, PostgreSQL and S3: an approved page export is
generated into object storage and ready; a backend export is executed by a database
administrator only; at the end of the period of use the file's object is deleted."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from minio import Minio
from minio.error import S3Error
from sqlalchemy import func, insert, select

from tests.integration.export.flows import application_body, apply, audit_of, document, put_settings
from tests.integration.export.world import XINGQING, ExportStack
from tests.integration.harness import eventually
from tests.integration.transfer.world import principal
from xueji_common.auth.principal import Role
from xueji_common.storage import minio_client
from xueji_export.approval.launching import ApprovalLauncher
from xueji_export.bootstrap import BUCKET
from xueji_export.files.tables import export_files
from xueji_export.read_model.tables import pupil_read_model
from xueji_export.schema import outbox

pytestmark = pytest.mark.integration

XQ_SCHOOL = "2164000101"
XQ_PATH = "/CN/64/6401/640104/2164000101/"


def _someone(role: Role, path: tuple[str, ...], name: str) -> Any:
    """A person of their own account (the worlds' principals share one per role and unit)."""
    return replace(principal(role, path, name), account_id=str(uuid.uuid4()))


async def _pupils(stack: ExportStack, count: int) -> None:
    rows = [
        {"pupil_id": f"approval-{uuid.uuid4()}", "unit_path": XQ_PATH,
         "school_name": "银川市兴庆区测试小学", "grade": 3, "name": f"学生{n}"}
        for n in range(count)
    ]  # fmt: skip
    async with stack.db.sessions() as session, session.begin():
        await session.execute(insert(pupil_read_model).values(rows))


async def _in_scope(stack: ExportStack) -> int:
    async with stack.db.sessions() as session:
        found = await session.scalar(
            select(func.count())
            .select_from(pupil_read_model)
            .where(pupil_read_model.c.unit_path.startswith(XQ_PATH))
        )
    return int(found or 0)


async def _state(stack: ExportStack, headers: dict[str, str], application_id: str) -> dict:
    response = await stack.export.get(f"/v1/export-applications/{application_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def _until(stack: ExportStack, headers: dict, application_id: str, **wanted: object) -> dict:
    seen: dict = {}

    async def reached() -> bool:
        seen.update(await _state(stack, headers, application_id))
        return all(seen.get(key) == value for key, value in wanted.items())

    try:
        await eventually(reached, within=90)
    except AssertionError as missed:
        raise AssertionError(f"wanted {wanted}, last seen {seen}") from missed
    return seen


async def _file(stack: ExportStack, application_id: str) -> dict:
    async with stack.db.sessions() as session:
        row = (
            (
                await session.execute(
                    select(export_files).where(export_files.c.application_id == application_id)
                )
            )
            .mappings()
            .one()
        )
    return dict(row)


def _storage(stack: ExportStack) -> Minio:
    return minio_client(stack.settings)


async def _decide(stack: ExportStack, headers: dict, application_id: str, **body: object) -> Any:
    return await stack.export.post(
        f"/v1/export-applications/{application_id}/decision", json=body, headers=headers
    )


async def _execute(stack: ExportStack, headers: dict, application_id: str) -> Any:
    return await stack.export.post(
        f"/v1/export-applications/{application_id}/execution", json={}, headers=headers
    )


async def test_an_approved_page_export_is_generated_into_storage_and_ready(
    stack: ExportStack,
) -> None:
    assert (await put_settings(stack, "64", page_export_counties=["640104"])).status_code == 200
    await _pupils(stack, 7)
    applicant = stack.people.county()
    body = await application_body(stack, applicant, "export.it.county", [XQ_SCHOOL])
    filed = await apply(stack, applicant, body)
    assert filed.status_code == 201, filed.text
    application_id = filed.json()["id"]
    opened = await _until(
        stack, applicant, application_id, state="in_review", current_step="approval"
    )
    assert opened["current_party_unit"] == "640104" and opened["current_deadline"]

    # The applicant holds the county officer's role at the approving county, and still may not.
    own = await _decide(stack, applicant, application_id, decision="approve")
    assert own.status_code == 403 and own.json()["code"] == "EXPORT_SELF_APPROVAL"
    approver = stack.people.tokens(_someone(Role.COUNTY_OFFICER, XINGQING, "孙局长"))
    inbox = (await stack.export.get("/v1/export-applications/inbox", headers=approver)).json()
    [waiting] = [i for i in inbox["items"] if i["application"]["id"] == application_id]
    assert waiting["step"] == "approval" and waiting["deadline"] and not waiting["overdue"]
    mine = (await stack.export.get("/v1/export-applications/inbox", headers=applicant)).json()
    assert application_id not in [i["application"]["id"] for i in mine["items"]]
    unreasoned = await _decide(stack, approver, application_id, decision="refuse")
    assert unreasoned.status_code == 422 and unreasoned.json()["code"] == "REASON_REQUIRED"

    approved = await _decide(stack, approver, application_id, decision="approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["step"] == "approval"
    ready = await _until(stack, applicant, application_id, state="ready")
    file = await _file(stack, application_id)
    assert ready["rows_written"] == file["rows"] == await _in_scope(stack) >= 7
    stored = await asyncio.to_thread(_storage(stack).stat_object, BUCKET, file["object_key"])
    assert stored.size == file["size_bytes"]
    assert file["object_key"].startswith(f"{filed.json()['number']}/")

    timeline: dict = {}

    async def recorded_ready() -> bool:
        # The worker sets the state; the workflow records its `ready` event just after.
        timeline.update(
            (
                await stack.export.get(
                    f"/v1/export-applications/{application_id}/timeline", headers=applicant
                )
            ).json()
        )
        return "ready" in [e["type"] for e in timeline["events"]]

    await eventually(recorded_ready, within=60)
    [step] = timeline["steps"]
    assert step["decision"] == "approve" and step["decided_by"]["name"] == "孙局长"
    assert step["deadline"] and step["party_unit"] == "640104"
    assert [e["type"] for e in timeline["events"]] == ["filed", "step_opened", "decided", "ready"]
    decided = [r for r in await audit_of(stack, "64", "application.decided")
               if r["subject"] == application_id]  # fmt: skip
    assert {r["outcome"] for r in decided} == {
        "accepted", "refused:EXPORT_SELF_APPROVAL", "refused:REASON_REQUIRED",
    }  # fmt: skip
    assert all(r["client_address"] for r in decided)
    generated = [r for r in await audit_of(stack, "64", "file.generated")
                 if r["subject"] == application_id]  # fmt: skip
    assert len(generated) == 1
    async with stack.db.sessions() as session:
        published = await session.scalars(
            select(outbox.c.event_type).where(outbox.c.aggregate_id == application_id)
        )
        assert {"export.approved", "export.generated"} <= set(published)


async def test_a_backend_export_is_executed_by_a_database_administrator_only(
    stack: ExportStack,
) -> None:
    assert (await put_settings(stack, "64")).status_code == 200
    applicant = stack.people.city()
    consent = await document(stack, applicant, "consent")
    body = await application_body(stack, applicant, "export.it.city", ["640104"],
                                  method="backend", consent_document_id=consent)  # fmt: skip
    filed = await apply(stack, applicant, body)
    assert filed.status_code == 201, filed.text
    application_id = filed.json()["id"]
    opened = await _until(stack, applicant, application_id, current_step="approval")
    # 第八条: the province's head consents to a city's backend export.
    assert opened["current_party_unit"] == "64"
    city_head = stack.people.tokens(_someone(Role.CITY_OFFICER, XINGQING[:3], "周局长"))
    wrong = await _decide(stack, city_head, application_id, decision="approve")
    assert wrong.status_code == 403 and wrong.json()["code"] == "NOT_YOUR_STEP"
    approved = await _decide(stack, stack.people.province(), application_id, decision="approve")
    assert approved.status_code == 200, approved.text
    await _until(stack, applicant, application_id, state="approved", current_step="execution")

    refusals = {
        "EXPORT_APPLICANT_CANNOT_EXECUTE": applicant,
        "ROLE_NOT_ALLOWED": city_head,
        # The nation's administrator sees every application, and still may not run it.
        "NOT_YOUR_STEP": stack.people.tokens(_someone(Role.DATABASE_ADMINISTRATOR, ("CN",), "国")),
    }
    for code, headers in refusals.items():
        response = await _execute(stack, headers, application_id)
        assert response.status_code == 403 and response.json()["code"] == code, response.text
    assert (await _state(stack, applicant, application_id))["state"] == "approved"
    administrator = stack.people.tokens(
        _someone(Role.DATABASE_ADMINISTRATOR, ("CN", "64"), "吴管理员")
    )
    inbox = (await stack.export.get("/v1/export-applications/inbox", headers=administrator)).json()
    assert application_id in [i["application"]["id"] for i in inbox["items"]]
    executed = await _execute(stack, administrator, application_id)
    assert executed.status_code == 200, executed.text
    assert executed.json()["decision"] == "execute"
    await _until(stack, applicant, application_id, state="ready")
    outcomes = {r["outcome"] for r in await audit_of(stack, "64", "application.executed")
                if r["subject"] == application_id}  # fmt: skip
    assert outcomes == {
        "accepted", "refused:EXPORT_APPLICANT_CANNOT_EXECUTE", "refused:ROLE_NOT_ALLOWED",
        "refused:NOT_YOUR_STEP",
    }  # fmt: skip


async def test_the_file_is_deleted_from_storage_when_the_period_of_use_ends(
    stack: ExportStack,
) -> None:
    app_state = stack.app.state
    original = app_state.launcher
    # The period of use ends at the end of its last day; this one ends in under a minute.
    ends = datetime.now(UTC) + timedelta(seconds=45)
    app_state.launcher = ApprovalLauncher(
        app_state.temporal, stack.db, stack.queues, 10, ends=lambda _row: ends
    )
    try:
        assert (await put_settings(stack, "64", page_export_counties=["640104"])).status_code == 200
        applicant = stack.people.county()
        body = await application_body(stack, applicant, "export.it.county", [XQ_SCHOOL])
        filed = await apply(stack, applicant, body)
        assert filed.status_code == 201, filed.text
    finally:
        app_state.launcher = original
    application_id = filed.json()["id"]
    await _until(stack, applicant, application_id, current_step="approval")
    approver = stack.people.tokens(_someone(Role.COUNTY_OFFICER, XINGQING, "孙局长"))
    assert (await _decide(stack, approver, application_id, decision="approve")).status_code == 200
    await _until(stack, applicant, application_id, state="ready")
    file = await _file(stack, application_id)
    storage = _storage(stack)
    await asyncio.to_thread(storage.stat_object, BUCKET, file["object_key"])

    await _until(stack, applicant, application_id, state="expired")
    with pytest.raises(S3Error) as gone:
        await asyncio.to_thread(storage.stat_object, BUCKET, file["object_key"])
    assert gone.value.code == "NoSuchKey"
    assert (await _file(stack, application_id))["deleted_at"] is not None
    [expired] = [r for r in await audit_of(stack, "64", "application.expired")
                 if r["subject"] == application_id]  # fmt: skip
    assert expired["outcome"] == "accepted" and expired["details"]["deleted_objects"] == 1
