"""The import, report and registration pages render for every role that may open them, showing
the row-by-row report, the refusals next to what caused them, and who may decide."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.console.test_transfer_offers import person
from tests.unit.console.test_transfer_templates import render
from xueji_common.auth.principal import Principal, Role
from xueji_console import error_codes
from xueji_console.clients.calls import ServiceProblem

REGISTRAR = person(Role.SCHOOL_REGISTRAR, "2131000101")
COUNTY = person(Role.COUNTY_OFFICER, "310118")
IMPORT_ID = "7f0c3a52-6a39-4c55-9f4b-3f1f0a2b9c11"
SUBMISSION_ID = "0d6f7b7e-2f7c-4a39-8b64-0a5e1c3d9e21"


def report(*errors: dict[str, Any]) -> dict[str, Any]:
    failed = len({e["row"] for e in errors})
    return {
        "import_id": IMPORT_ID, "rows_total": 5, "rows_applied": 5 - failed, "rows_unchanged": 0,
        "rows_failed": failed, "errors": list(errors), "errors_truncated": False,
    }  # fmt: skip


def row_error(row: int, column: str, code: str, message: str, value: str) -> dict[str, Any]:
    return {"row": row, "column": column, "field": "x", "value": value, "code": code,
            "message": message}  # fmt: skip


def submission(state: str, **changes: Any) -> dict[str, Any]:
    return {
        "id": SUBMISSION_ID, "school_code": "2131000101", "school_year": 2026, "state": state,
        "submitted_by_name": "王老师", "submitted_at": "2026-12-01T02:00:00+00:00",
        "decided_by_name": None, "decided_at": None, "decision_reason": None, "pupil_count": 1,
        "pupils": [{
            "pupil_id": "5b0e", "national_number": "G310118201709078319", "name": "张小明",
            "grade": 1, "registration_state": "submitted", "return_reason": None,
        }],
        **changes,
    }  # fmt: skip


def test_the_upload_page_offers_the_template_and_names_a_refused_file() -> None:
    missing = error_codes.IMPORT_FILE_MISSING
    refused = ServiceProblem(missing.status, missing.code, missing.message, field="file")
    page = render(
        "imports/index.html", REGISTRAR, current="imports", problem=refused, school="2131000101"
    )
    assert 'href="/imports/template"' in page and 'href="/registry-report.xlsx"' in page
    assert '<label for="file">' in page and 'id="file-error"' in page
    assert "IMPORT_FILE_MISSING" in page and 'aria-describedby="file-error"' in page
    clean = render("imports/index.html", REGISTRAR, current="imports", problem=None, school="x")
    assert "file-error" not in clean


def test_the_report_page_lists_each_failed_row_with_its_column_code_and_message() -> None:
    page = render(
        "imports/report.html", REGISTRAR, current="imports",
        report=report(
            row_error(5, "性别", "GENDER_INVALID", "性别应为男或女", "X"),
            row_error(6, "身份证件号", "ID_NUMBER_CHARACTERS", "身份证件号含有非法字符", "35Z"),
        ),
    )  # fmt: skip
    assert ">性别应为男或女</td>" in page and "GENDER_INVALID" in page
    assert '<td data-label="行号">6</td>' in page and ">35Z</td>" in page
    assert f'href="/imports/{IMPORT_ID}/report.xlsx"' in page
    assert '<dd id="rows-failed">2</dd>' in page


def test_a_report_without_errors_says_so_and_offers_no_error_sheet() -> None:
    page = render("imports/report.html", REGISTRAR, current="imports", report=report())
    assert "全部 5 行导入成功" in page and "report.xlsx" not in page


@pytest.mark.parametrize("who", [REGISTRAR, COUNTY], ids=lambda p: p.role.value)
def test_the_registration_list_renders_for_the_school_and_its_county(who: Principal) -> None:
    deciding = who.role is Role.COUNTY_OFFICER
    listed = [submission("pending"), submission("approved", decided_by_name="李科长")]
    page = render(
        "registration/index.html", who, current="registration", deciding=deciding,
        pending=listed[:1], submissions=listed, problem=None,
    )  # fmt: skip
    assert ("待审核的注册上报" in page) is deciding
    assert ("上报县（区）教育局</button>" in page) is not deciding
    assert "审核通过" in page and "李科长" in page and f"/registration/{SUBMISSION_ID}" in page


def test_a_refused_submission_is_shown_above_the_submit_button() -> None:
    refused = ServiceProblem(409, "REGISTRATION_NOTHING_TO_SUBMIT", "没有可上报的学生")
    page = render(
        "registration/index.html", REGISTRAR, current="registration", deciding=False,
        pending=[], submissions=[], problem=refused,
    )  # fmt: skip
    assert 'role="alert">没有可上报的学生' in page and "还没有注册上报" in page


@pytest.mark.parametrize("who", [REGISTRAR, COUNTY], ids=lambda p: p.role.value)
def test_the_submission_page_offers_the_decision_only_to_the_county(who: Principal) -> None:
    deciding = who.role is Role.COUNTY_OFFICER
    page = render(
        "registration/submission.html", who, current="registration",
        submission=submission("pending"), deciding=deciding, problem=None, reason="",
    )  # fmt: skip
    assert "张小明" in page and "待审核" in page
    assert ('value="return"' in page) is deciding


def test_the_decision_shows_the_refusal_next_to_the_reason_and_keeps_it() -> None:
    refused = ServiceProblem(422, "VALIDATION_FAILED", "退回时必须填写原因", field="reason")
    returned = submission("returned", decided_by_name="李科长", decision_reason="材料不全")
    page = render(
        "registration/submission.html", COUNTY, current="registration",
        submission=submission("pending"), deciding=True, problem=refused, reason="  ",
    )  # fmt: skip
    assert 'id="reason-error"' in page and 'aria-describedby="reason-error"' in page
    decided = render(
        "registration/submission.html", REGISTRAR, current="registration",
        submission=returned, deciding=False, problem=None, reason="",
    )  # fmt: skip
    assert "被退回" in decided and "材料不全" in decided and "李科长" in decided
