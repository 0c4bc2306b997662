"""The approver's inbox and the application page render for everyone who may open them, with
the forms each may use: the approving officer decides, the DBA executes, the ready file is
offered for download; the API's refusal shows next to the reason with what was typed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.console.test_transfer_templates import render
from tests.unit.console.transfer_cases import step
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_console.clients.calls import ServiceProblem
from xueji_console.export_offers import offers_for

PROVINCE = Principal("p1", "陈上海", Role.PROVINCE_OFFICER, "31", UnitKind.PROVINCE, ("CN", "31"))
CITY = Principal("p2", "周市区", Role.CITY_OFFICER, "3101", UnitKind.CITY, ("CN", "31", "3101"))
DBA = Principal("p3", "赵数据", Role.DATABASE_ADMINISTRATOR, "CN", UnitKind.NATION, ("CN",))
PEOPLE = [PROVINCE, CITY, DBA]


def application(state: str, method: str = "page") -> dict[str, Any]:
    return {
        "id": "0b9f6c1e-0000-4000-8000-000000000001",
        "number": "DC3126120300ABCDEF",
        "state": state,
        "created_at": "2026-12-03T02:00:00+00:00",
        "applicant_unit": "3101",
        "applicant_name": "周市区",
        "purpose": "核对在校生名单",
        "scope": ["3101"],
        "method": method,
        "use_from": "2026-12-04",
        "use_until": "2026-12-10",
        "security_officer": "周市区",
        "handler_name": "周市区",
        "consent_document_id": None,
        "fields": [{"field": "school_name", "reason": ""}],
    }


def timeline(state: str, current: str | None, steps: list[dict[str, Any]]) -> dict[str, Any]:
    return {"state": state, "current_step": current, "rows_written": 1234, "steps": steps,
            "events": [], "application_id": "a", "number": "n"}  # fmt: skip


AWAITING = timeline("in_review", "approval", [step("approval", "3101", ["city_officer"])])
GENERATING = timeline(
    "generating", None, [step("approval", "3101", ["city_officer"], decision="approve")]
)
EXECUTING = timeline("approved", "execution", [step("execution", "31", ["database_administrator"])])
READY = timeline("ready", None, GENERATING["steps"])


def detail(who: Principal, app: dict, line: dict, problem: ServiceProblem | None = None) -> str:
    return render(
        "exports/detail.html", who, application=app,
        catalogue={"school_name": {"key": "school_name", "label": "学校名称", "sensitive": False}},
        unit_names={"3101": "上海市市辖区教育局（3101）", "31": "上海市教育委员会（31）"},
        timeline=line, offers=offers_for(line, who), problem=problem,
        form={"reason": "范围过大"}, decision_id="d1", refresh_seconds=None,
    )  # fmt: skip


@pytest.mark.parametrize("who", PEOPLE, ids=lambda p: p.role.value)
def test_the_application_page_offers_each_person_what_they_may_do(who: Principal) -> None:
    awaiting = detail(who, application("in_review"), AWAITING)
    assert "办理过程" in awaiting and "教育行政部门审批" in awaiting
    assert ('value="approve"' in awaiting) is (who is CITY)
    executing = detail(who, application("approved", "backend"), EXECUTING)
    assert ('<button type="submit">执行后台导出</button>' in executing) is (who is DBA)
    generating = detail(who, application("generating"), GENERATING)
    assert "已写入 1234 行" in generating and "下载导出文件" not in generating
    assert "下载导出文件" in detail(who, application("ready"), READY)


def test_a_refused_decision_shows_the_refusal_by_the_reason_with_what_was_typed() -> None:
    refused = ServiceProblem(422, "REASON_REQUIRED", "不同意时必须填写原因", field="reason")
    page = detail(CITY, application("in_review"), AWAITING, refused)
    assert 'id="reason-error"' in page and "REASON_REQUIRED" in page
    assert ">范围过大</textarea>" in page
    self_approval = ServiceProblem(403, "EXPORT_SELF_APPROVAL", "不能审批本人的申请")
    page = detail(CITY, application("in_review"), AWAITING, self_approval)
    assert "EXPORT_SELF_APPROVAL" in page and 'role="alert"' in page


def test_a_refused_download_is_shown_on_the_page() -> None:
    refused = ServiceProblem(403, "EXPORT_DOWNLOAD_NOT_HANDLER", "仅经办人可以下载")
    assert "EXPORT_DOWNLOAD_NOT_HANDLER" in detail(PROVINCE, application("ready"), READY, refused)


@pytest.mark.parametrize("who", PEOPLE, ids=lambda p: p.role.value)
def test_the_inbox_renders_overdue_and_escalated_items(who: Principal) -> None:
    item = {"application": application("in_review"), "step": "approval", "party_unit": "3101",
            "deadline": "2026-12-08T15:59:59+00:00", "provisional": False, "overdue": True,
            "escalated_to": "31"}  # fmt: skip
    page = render("exports/inbox.html", who, inbox={"items": [item], "total": 1})
    assert "已逾期" in page and "已督办至31" in page and "DC3126120300ABCDEF" in page
    assert "没有等待您办理" in render("exports/inbox.html", who, inbox={"items": [], "total": 0})


def test_the_download_page_navigates_to_the_link_by_refresh() -> None:
    link = {"url": "http://s3.invalid/x.xlsx?X-Amz-Signature=1", "file_name": "DC31.xlsx",
            "expires_at": "2026-12-03T08:10:00+00:00"}  # fmt: skip
    page = render("exports/download.html", CITY, link=link, application_id="a1")
    assert 'http-equiv="refresh" content="0;url=http://s3.invalid/x.xlsx?X-Amz-Signature=1"' in page
    assert "DC31.xlsx" in page and "2026-12-03 16:10" in page
