"""Who gets a download link and when: the handler only, within the period, a live file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from xueji_export import error_codes
from xueji_export.applications.states import ApplicationState
from xueji_export.downloads.links import attachment
from xueji_export.downloads.rules import (
    ApplicationDownload,
    FileOnRecord,
    ReportDownload,
    application_refusal,
    report_refusal,
)

TODAY = date(2026, 12, 3)
FILE = FileOnRecord("g1", "DC/g1/a.xlsx", "a.xlsx", "ab" * 32, "xlsx", deleted=False)
READY = ApplicationDownload(
    ApplicationState.READY, "handler", TODAY - timedelta(days=1), TODAY + timedelta(days=1), FILE
)


def test_the_handler_gets_a_link_on_every_day_of_the_period() -> None:
    for day in (READY.use_from, TODAY, READY.use_until):
        assert application_refusal(READY, "handler", day) is None


def test_nobody_but_the_handler_gets_one() -> None:
    assert application_refusal(READY, "applicant", TODAY) is error_codes.EXPORT_DOWNLOAD_NOT_HANDLER


@pytest.mark.parametrize(
    "day", [READY.use_from - timedelta(days=1), READY.use_until + timedelta(days=1)]
)
def test_outside_the_period_there_is_no_link(day: date) -> None:
    assert application_refusal(READY, "handler", day) is error_codes.EXPORT_DOWNLOAD_OUTSIDE_PERIOD


@pytest.mark.parametrize(
    "state",
    [ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW, ApplicationState.APPROVED,
     ApplicationState.GENERATING, ApplicationState.REFUSED],
)  # fmt: skip
def test_before_the_file_is_ready_there_is_no_link(state: ApplicationState) -> None:
    waiting = replace(READY, state=state, file=None)
    assert application_refusal(waiting, "handler", TODAY) is error_codes.EXPORT_FILE_NOT_READY


def test_a_deleted_or_expired_file_has_no_link() -> None:
    deleted = replace(READY, file=replace(FILE, deleted=True))
    assert application_refusal(deleted, "handler", TODAY) is error_codes.EXPORT_FILE_DELETED
    expired = replace(READY, state=ApplicationState.EXPIRED)
    assert application_refusal(expired, "handler", TODAY) is error_codes.EXPORT_FILE_DELETED


def test_a_report_goes_to_its_requester_while_it_is_kept() -> None:
    until = datetime(2026, 12, 4, tzinfo=UTC)
    report = ReportDownload("registrar", until)
    assert report_refusal(report, "registrar", until) is None
    assert report_refusal(report, "other", until) is error_codes.EXPORT_DOWNLOAD_NOT_REQUESTER
    late = until + timedelta(seconds=1)
    assert report_refusal(report, "registrar", late) is error_codes.EXPORT_DOWNLOAD_OUTSIDE_PERIOD


def test_the_saved_name_is_the_chinese_one_with_an_ascii_fallback() -> None:
    header = attachment("DC64202612030001_兴庆区教育局.csv")
    assert header.startswith("attachment; filename=\"DC64202612030001_.csv\"; filename*=UTF-8''")
    assert "%E5%85%B4" in header
    assert 'filename="export.xlsx"' in attachment("学籍总库.xlsx")
