"""Every immediate refusal of an application, by the pure rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.errors import DomainError
from xueji_common.org_replica import OrgRecord
from xueji_export.applications import rules
from xueji_export.applications.rules import ExportMethod, FieldRequest
from xueji_export.province_settings.model import ProvinceExportSettings

TODAY = date(2026, 12, 3)
CITY = Principal("c1", "钱处长", Role.CITY_OFFICER, "3101", UnitKind.CITY, ("CN", "31", "3101"))
COUNTY = Principal(
    "k1", "赵科长", Role.COUNTY_OFFICER, "310118", UnitKind.COUNTY, ("CN", "31", "3101", "310118")
)
SETTINGS = ProvinceExportSettings("31", max_use_days=30, page_export_counties=frozenset())


def code_of(call: object, *args: object) -> str:
    with pytest.raises(DomainError) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value.error.code


def unit(code: str, *path: str) -> OrgRecord:
    return OrgRecord(code, "county", code, path[-1], (*path, code), False)


def test_ordinary_fields_need_no_reason_and_sensitive_ones_with_reasons_pass() -> None:
    rules.check_fields([FieldRequest("school_name", ""), FieldRequest("id_number", "核验身份")])


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ([FieldRequest("blood_type", "")], "EXPORT_FIELD_NOT_IN_CATALOGUE"),
        ([FieldRequest("grade", ""), FieldRequest("grade", "")], "EXPORT_FIELD_REPEATED"),
        ([FieldRequest("guardian_phone", "  ")], "EXPORT_SENSITIVE_REASON_MISSING"),
        (
            [FieldRequest("name", "名单"), FieldRequest("address", "")],
            "EXPORT_SENSITIVE_REASON_MISSING",
        ),
    ],
)
def test_field_refusals(fields: list[FieldRequest], code: str) -> None:
    assert code_of(rules.check_fields, fields) == code


def test_scope_inside_the_applicants_unit_passes_and_outside_is_refused() -> None:
    inside = unit("310118", "CN", "31", "3101")
    outside = unit("320102", "CN", "32", "3201")
    rules.check_scope(CITY, ["310118"], {"310118": inside})
    itself = OrgRecord("3101", "city", "上海市", "31", ("CN", "31", "3101"), False)
    rules.check_scope(CITY, ["3101"], {"3101": itself})
    assert code_of(rules.check_scope, CITY, ["320102"], {"320102": outside}) == (
        "EXPORT_SCOPE_OUTSIDE_UNIT"
    )
    assert code_of(rules.check_scope, CITY, ["999999"], {"999999": None}) == (
        "EXPORT_SCOPE_OUTSIDE_UNIT"
    )


def test_period_rules() -> None:
    rules.check_period(TODAY, TODAY + timedelta(days=29), TODAY, SETTINGS)
    past = (TODAY - timedelta(days=1), TODAY + timedelta(days=3), TODAY, SETTINGS)
    reversed_ = (TODAY + timedelta(days=3), TODAY + timedelta(days=2), TODAY, SETTINGS)
    too_long = (TODAY, TODAY + timedelta(days=30), TODAY, SETTINGS)
    assert code_of(rules.check_period, *past) == "EXPORT_PERIOD_IN_PAST"
    assert code_of(rules.check_period, *reversed_) == "EXPORT_PERIOD_REVERSED"
    assert code_of(rules.check_period, *too_long) == "EXPORT_PERIOD_TOO_LONG"


def test_county_page_export_needs_the_provinces_authorisation() -> None:
    page = ExportMethod.PAGE
    assert code_of(rules.check_method, COUNTY, page, SETTINGS, None) == (
        "EXPORT_PAGE_EXPORT_NOT_AUTHORISED"
    )
    authorised = ProvinceExportSettings("31", page_export_counties=frozenset({"310118"}))
    rules.check_method(COUNTY, page, authorised, None)
    rules.check_method(CITY, page, SETTINGS, None)


def test_backend_export_is_for_province_and_city_with_the_written_consent() -> None:
    backend = ExportMethod.BACKEND
    authorised = ProvinceExportSettings("31", page_export_counties=frozenset({"310118"}))
    assert code_of(rules.check_method, COUNTY, backend, authorised, "doc") == (
        "EXPORT_METHOD_NOT_ALLOWED"
    )
    assert code_of(rules.check_method, CITY, backend, SETTINGS, None) == "EXPORT_CONSENT_REQUIRED"
    rules.check_method(CITY, backend, SETTINGS, "doc")
    no_consent = ProvinceExportSettings("31", backend_consent_required=False)
    rules.check_method(CITY, backend, no_consent, None)
