"""Every transfer page renders for every role that may open it, showing what that role may do
(StrictUndefined: a missing value fails the test instead of printing nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.console.test_transfer_offers import person
from tests.unit.console.transfer_cases import at_paper_file_sent, at_receiving_bureau
from xueji_common.auth.principal import Principal, Role
from xueji_console.clients.calls import ServiceApi, ServiceProblem
from xueji_console.clients.registry import RegistryClient
from xueji_console.navigation import may_use, sections_for
from xueji_console.rendering import Renderer
from xueji_console.session import SessionKeys
from xueji_console.transfer_offers import REPORTS, offers_for, placed
from xueji_console.unit_names import UnitNames

PEOPLE = [
    person(Role.SCHOOL_REGISTRAR, "2131000101"),
    person(Role.SCHOOL_REVIEWER, "2144000101"),
    person(Role.COUNTY_OFFICER, "310118"),
    person(Role.COUNTY_OFFICER, "440103"),
]


def render(template: str, who: Principal, *, current: str = "transfers", **context: Any) -> str:
    registry = RegistryClient(ServiceApi("registry", "http://registry.invalid", timeout=1))
    env = Renderer(SessionKeys(b"k" * 32), UnitNames(registry)).env
    return env.get_template(template).render(
        **context,
        person={
            "name": who.name,
            "role": who.role.value,
            "role_key": who.role.value,
            "unit": who.unit_code,
            "unit_code": who.unit_code,
            "expires_at": None,
            "signout": "/signout",
        },
        sections=sections_for(who.role),
        current=current,
        csrf_token="t",
        flashes=[],
    )


def case_page(who: Principal, case: dict, problem: ServiceProblem | None = None) -> str:
    units = {"310118": "上海市青浦区教育局", "440103": "广州市荔湾区教育局"}
    return render(
        "transfers/case.html",
        who,
        case=case,
        offers=offers_for(case, who),
        units={
            **units,
            **{s["code"]: s["name"] for s in (case["receiving_school"], case["sending_school"])},
        },
        problem=placed(problem) if problem else None,
        form={"reason": "家长未同意", "method": "", "tracking": ""},
        decision_id="d1",
        reports=REPORTS,
    )


@pytest.mark.parametrize("who", PEOPLE, ids=lambda p: f"{p.role.value}-{p.unit_code}")
def test_the_case_page_shows_the_timeline_to_every_party(who: Principal) -> None:
    page = case_page(who, at_receiving_bureau())
    assert "办理过程" in page and "转入学校审核" in page and "黄志强" in page
    assert "2026-12-08 23:59" in page  # the deadline in China time
    deciding = who.role is Role.COUNTY_OFFICER and who.unit_code == "310118"
    assert ('value="approve"' in page) is deciding
    assert ("撤回转学申请" in page) is (who.unit_code == "2131000101")


def test_a_refusal_is_shown_next_to_the_reason_with_what_was_typed() -> None:
    county = person(Role.COUNTY_OFFICER, "310118")
    refused = ServiceProblem(422, "REASON_REQUIRED", "不同意或撤回时必须填写原因")
    page = case_page(county, at_receiving_bureau(), refused)
    assert 'id="reason-error"' in page and "REASON_REQUIRED" in page
    assert 'aria-describedby="reason-error"' in page and ">家长未同意</textarea>" in page


def test_the_paper_file_form_asks_how_it_was_sent_and_the_overdue_step_shows_escalation() -> None:
    page = case_page(person(Role.SCHOOL_REGISTRAR, "2144000101"), at_paper_file_sent())
    assert 'name="method"' in page and "确认纸质档案已寄出" in page
    assert "已督办至广州市荔湾区教育局" in page


@pytest.mark.parametrize("who", PEOPLE, ids=lambda p: f"{p.role.value}-{p.unit_code}")
def test_the_inbox_and_the_overdue_list_render_for_every_party(who: Principal) -> None:
    item = {key: value for key, value in at_paper_file_sent().items() if key != "steps"}
    item |= {"overdue": True, "escalated_to": "440103", "current_deadline": None}
    page = render(
        "transfers/index.html",
        who,
        inbox=[item],
        listed={"items": [item], "total": 1, "total_exact": True},
        authorities={"440103": "广州市荔湾区教育局"},
        may_file=may_use(who.role, "transfer-filing"),
        previous_offset=None,
        next_offset=None,
    )
    assert "已督办至广州市荔湾区教育局" in page and "待寄出纸质档案" in page
    assert ("申请转入（本校为转入学校）" in page) is (who.role is Role.SCHOOL_REGISTRAR)
    step = {
        "transfer_id": item["id"],
        "national_number": item["national_number"],
        "pupil_name": item["pupil_name"],
        "step": "paper_file_sent",
        "party_unit": "2144000101",
        "deadline": None,
        "authority": "440103",
    }
    overdue = render(
        "transfers/overdue.html",
        who,
        overdue={"total": 1, "authorities": [{"authority": "440103", "steps": [step]}]},
        units={"440103": "广州市荔湾区教育局", "2144000101": "广州市荔湾区测试小学"},
    )
    assert "督办单位：广州市荔湾区教育局" in overdue and "已督办" in overdue


def test_the_filing_form_keeps_what_was_typed_and_names_the_wrong_field() -> None:
    refused = ServiceProblem(422, "PUPIL_NAME_MISMATCH", "学生姓名与学籍不符", field="pupil_name")
    form = {
        "national_number": "G440103201709078319",
        "pupil_name": "龙远",
        "sending_province": "44",
        "target_grade": "3",
        "target_class": "",
        "reason": "随父母工作调动",
    }
    page = render(
        "transfers/new.html",
        person(Role.SCHOOL_REGISTRAR, "2131000101"),
        form=form,
        problem=refused,
        grades={str(g): f"{g} 年级" for g in range(1, 13)},
    )
    assert 'id="pupil_name-error"' in page and "学生姓名与学籍不符" in page
    assert 'value="龙远"' in page and '<option value="44" selected>' in page
    assert '<option value="3" selected>' in page and "随父母工作调动</textarea>" in page
