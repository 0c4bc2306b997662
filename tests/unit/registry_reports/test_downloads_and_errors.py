"""File names on download, the report month, and workflow refusals as API errors."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import unquote

from temporalio.exceptions import ApplicationError

from xueji_registry.reports.downloads import content_disposition
from xueji_registry.reports.labels import grade_label
from xueji_registry.status_changes.workflow_errors import problem_of
from xueji_workflows.errors import NOT_YOUR_STEP, PUPIL_HAS_OPEN_CASE, REASON_REQUIRED, rejection
from xueji_workflows.monthly_report import report_month


def test_content_disposition_carries_the_chinese_name_as_rfc5987() -> None:
    header = content_disposition("2136000101南昌市东湖区小学.xlsx", "2136000101.xlsx")
    plain, encoded = header.split("; filename*=UTF-8''")
    assert plain == 'attachment; filename="2136000101.xlsx"'
    assert unquote(encoded) == "2136000101南昌市东湖区小学.xlsx"
    assert encoded.isascii() and " " not in encoded


def test_content_disposition_never_puts_non_ascii_in_the_fallback() -> None:
    header = content_disposition("报表.xlsx", "报表.xlsx")
    assert header.startswith('attachment; filename="report.xlsx"')


def test_report_month_is_the_month_in_beijing() -> None:
    assert report_month(datetime(2026, 11, 19, 18, 0, tzinfo=UTC)) == "2026-11"
    assert report_month(datetime(2026, 11, 30, 16, 0, tzinfo=UTC)) == "2026-12"


def test_grade_labels() -> None:
    assert [grade_label(g) for g in (1, 9, 10, 12)] == ["一年级", "九年级", "高一", "高三"]


def test_workflow_refusals_keep_their_code_and_get_a_status() -> None:
    party = problem_of(rejection(NOT_YOUR_STEP, "county_bureau 由 360102 办理"))
    assert (party.error.code, party.error.status) == ("NOT_YOUR_STEP", 403)
    assert party.message == "当前步骤不由本单位办理：county_bureau 由 360102 办理"
    reason = problem_of(rejection(REASON_REQUIRED))
    assert (reason.error.status, reason.detail) == (422, None)


def test_the_open_case_refusal_carries_the_national_code() -> None:
    error = rejection(PUPIL_HAS_OPEN_CASE, "transfer t-1", data={"open_case_id": "t-1"})
    problem = problem_of(error)
    assert problem.error.status == 409
    assert problem.extra["national_error"] == 2002
    assert problem.extra["details"] == {"open_case_id": "t-1"}


def test_an_unknown_refusal_is_a_conflict_with_the_workflow_message() -> None:
    problem = problem_of(ApplicationError("无法办理", type="SOMETHING_NEW", non_retryable=True))
    assert (problem.error.code, problem.error.status, problem.message) == (
        "SOMETHING_NEW", 409, "无法办理",
    )  # fmt: skip
