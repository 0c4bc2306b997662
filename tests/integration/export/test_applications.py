"""Export applications on the real stack: accepted ones are stored, published and audited;
every refusal answers at once with its code and changes nothing (but is audited)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.export.flows import (
    application_body,
    apply,
    audit_of,
    counts,
    document,
    put_settings,
)
from tests.integration.export.world import ExportStack
from xueji_export.applications.filing import china_today

pytestmark = pytest.mark.integration

XQ_SCHOOL = "2164000101"


async def test_a_valid_application_is_submitted_published_and_audited(stack: ExportStack) -> None:
    city = stack.people.city()
    body = await application_body(stack, city, "export.it.city", ["640104", XQ_SCHOOL])
    before = await counts(stack)
    response = await apply(stack, city, body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["state"] == "submitted" and created["handler_name"] == "马经办"
    assert [f["field"] for f in created["fields"]] == ["school_name", "grade", "name"]
    assert created["number"].startswith("DC64")
    assert await counts(stack) == (before[0] + 1, before[1] + 1)
    [audited] = [r for r in await audit_of(stack, "64", "application.submitted")
                 if r["subject"] == created["id"]]  # fmt: skip
    assert audited["outcome"] == "accepted" and audited["actor_name"] == "钱处长"
    read = await stack.export.get(f"/v1/export-applications/{created['id']}", headers=city)
    assert read.status_code == 200 and read.json()["number"] == created["number"]
    other = stack.people.county(("CN", "65", "6501", "650102"))
    hidden = await stack.export.get(f"/v1/export-applications/{created['id']}", headers=other)
    assert hidden.status_code == 404


def _refusals(today_iso: str, past: str, long_end: str) -> list[tuple[dict, str, str]]:
    return [
        ({"fields": [{"field": "blood_type"}]}, "EXPORT_FIELD_NOT_IN_CATALOGUE", "fields"),
        ({"fields": [{"field": "id_number"}]}, "EXPORT_SENSITIVE_REASON_MISSING", "fields"),
        ({"scope": ["650102"]}, "EXPORT_SCOPE_OUTSIDE_UNIT", "scope"),
        ({"scope": ["640999"]}, "EXPORT_SCOPE_OUTSIDE_UNIT", "scope"),
        ({"use_from": past}, "EXPORT_PERIOD_IN_PAST", "use_from"),
        ({"use_until": long_end}, "EXPORT_PERIOD_TOO_LONG", "use_until"),
        ({"method": "backend"}, "EXPORT_CONSENT_REQUIRED", "consent_document_id"),
        ({"security_plan_document_id": "00000000-0000-0000-0000-000000000000"},
         "EXPORT_DOCUMENT_NOT_FOUND", "security_plan_document_id"),
    ]  # fmt: skip


async def test_every_refusal_names_its_code_and_changes_nothing(stack: ExportStack) -> None:
    assert (await put_settings(stack, "64", max_use_days=30)).status_code == 200
    city = stack.people.city()
    today = china_today()
    cases = _refusals(
        today.isoformat(),
        (today - timedelta(days=1)).isoformat(),
        (today + timedelta(days=30)).isoformat(),
    )
    cases.append(({"handler_account_id": stack.staff["export.it.county"]},
                  "EXPORT_HANDLER_NOT_STAFF", "handler_account_id"))  # fmt: skip
    for changes, code, field in cases:
        body = await application_body(stack, city, "export.it.city", ["640104"]) | changes
        before = await counts(stack)
        response = await apply(stack, city, body)
        assert response.status_code in (403, 422), (code, response.text)
        problem = response.json()
        assert (problem["code"], problem["field"]) == (code, field), problem
        assert any("\u4e00" <= ch <= "\u9fff" for ch in problem["message"])
        assert await counts(stack) == before, code
    refused = [r["outcome"] for r in await audit_of(stack, "64", "application.submitted")]
    assert {f"refused:{code}" for _, code, _ in cases} <= set(refused)


async def test_a_county_page_exports_only_where_the_province_authorised_it(
    stack: ExportStack,
) -> None:
    county = stack.people.county()
    assert (await put_settings(stack, "64", page_export_counties=[])).status_code == 200
    body = await application_body(stack, county, "export.it.county", [XQ_SCHOOL])
    refused = await apply(stack, county, body)
    assert refused.status_code == 403 and refused.json()["code"] == (
        "EXPORT_PAGE_EXPORT_NOT_AUTHORISED"
    )
    assert (await put_settings(stack, "64", page_export_counties=["640104"])).status_code == 200
    accepted = await apply(stack, county, await application_body(
        stack, county, "export.it.county", [XQ_SCHOOL]))  # fmt: skip
    assert accepted.status_code == 201, accepted.text
    backend = await application_body(stack, county, "export.it.county", [XQ_SCHOOL],
                                     method="backend")  # fmt: skip
    assert (await apply(stack, county, backend)).json()["code"] == "EXPORT_METHOD_NOT_ALLOWED"


async def test_a_city_backend_export_with_the_written_consent_is_accepted(
    stack: ExportStack,
) -> None:
    city = stack.people.city()
    assert (await put_settings(stack, "64")).status_code == 200
    consent = await document(stack, city, "consent")
    body = await application_body(stack, city, "export.it.city", ["6401"], method="backend",
                                  consent_document_id=consent)  # fmt: skip
    response = await apply(stack, city, body)
    assert response.status_code == 201, response.text
    assert response.json()["consent_document_id"] == consent


async def test_province_settings_are_changed_by_their_province_only_and_audited(
    stack: ExportStack,
) -> None:
    changed = await put_settings(stack, "65", max_use_days=45, page_export_counties=["650102"])
    assert changed.status_code == 200, changed.text
    assert changed.json()["max_use_days"] == 45 and changed.json()["version"] >= 1
    [*_, last] = await audit_of(stack, "65", "settings.changed")
    assert last["outcome"] == "accepted" and last["details"]["after"]["max_use_days"] == 45
    assert last["details"]["after"]["page_export_counties"] == ["650102"]
    foreign = await stack.export.put(
        "/v1/provinces/65/export-settings",
        json={"max_use_days": 365, "page_export_counties": []},
        headers=stack.people.province("64"),
    )
    assert foreign.status_code == 403
    read = await stack.export.get("/v1/provinces/65/export-settings",
                                  headers=stack.people.province("65"))  # fmt: skip
    assert read.json()["max_use_days"] == 45
    wrong = await put_settings(stack, "65", page_export_counties=["640104"])
    assert wrong.status_code == 422 and wrong.json()["code"] == "EXPORT_SETTINGS_INVALID"
    refused = [r for r in await audit_of(stack, "64", "settings.changed")
               if r["outcome"] == "refused:FORBIDDEN"]  # fmt: skip
    assert refused and refused[-1]["subject"] == "65"
