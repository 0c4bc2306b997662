"""Which forms the case page offers whom: the open step's party, the receiving school's
withdrawal until the pupil arrives; and the inbox order."""

from __future__ import annotations

import pytest

from tests.unit.console.transfer_cases import at_paper_file_sent, at_receiving_bureau, case, step
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_console import transfer_inbox
from xueji_console.clients.calls import FieldProblem, ServiceProblem
from xueji_console.transfer_offers import Offers, offers_for, placed

PATHS = {
    "2131000101": ("CN", "31", "3101", "310118", "2131000101"),
    "310118": ("CN", "31", "3101", "310118"),
    "2144000101": ("CN", "44", "4401", "440103", "2144000101"),
    "440103": ("CN", "44", "4401", "440103"),
}


def person(role: Role, unit: str) -> Principal:
    kind = UnitKind.SCHOOL if len(unit) == 10 else UnitKind.COUNTY
    return Principal("p", "某人", role, unit, kind, PATHS[unit])


@pytest.mark.parametrize(
    ("who", "offers"),
    [
        (person(Role.COUNTY_OFFICER, "310118"), Offers(review="receiving_bureau")),
        (person(Role.COUNTY_OFFICER, "440103"), Offers()),
        (person(Role.SCHOOL_REGISTRAR, "2131000101"), Offers(withdraw=True)),
        (person(Role.SCHOOL_REVIEWER, "2131000101"), Offers(withdraw=True)),
        (person(Role.SCHOOL_REGISTRAR, "2144000101"), Offers()),
    ],
)
def test_the_open_review_step_is_offered_to_its_party_and_withdrawal_to_the_receiver(
    who: Principal, offers: Offers
) -> None:
    assert offers_for(at_receiving_bureau(), who) == offers


def test_a_report_step_is_offered_to_its_school_and_withdrawal_ends_with_the_arrival() -> None:
    sent = at_paper_file_sent()
    assert offers_for(sent, person(Role.SCHOOL_REGISTRAR, "2144000101")) == Offers(
        report="paper_file_sent"
    )
    assert offers_for(sent, person(Role.SCHOOL_REVIEWER, "2144000101")) == Offers()
    assert not offers_for(sent, person(Role.SCHOOL_REGISTRAR, "2131000101")).any


def test_a_step_decided_through_a_docking_province_is_offered_to_no_one() -> None:
    docked = case(
        "in_review",
        "sending_school",
        [
            step("sending_school", "2144000101", ["school_reviewer"], docking_province="44"),
        ],
    )
    assert offers_for(docked, person(Role.SCHOOL_REVIEWER, "2144000101")) == Offers()


def test_a_finished_case_offers_nothing() -> None:
    refused = at_receiving_bureau()
    refused["steps"][-1]["decision"] = "refuse"
    refused |= {"state": "refused", "current_step": None}
    for who in (person(Role.COUNTY_OFFICER, "310118"), person(Role.SCHOOL_REGISTRAR, "2131000101")):
        assert not offers_for(refused, who).any


def test_a_refusal_naming_no_field_is_placed_next_to_the_field_it_is_about() -> None:
    reason = placed(ServiceProblem(422, "REASON_REQUIRED", "不同意或撤回时必须填写原因"))
    assert reason.message_for("reason") == "不同意或撤回时必须填写原因"
    method = placed(ServiceProblem(422, "SHIPPING_METHOD_REQUIRED", "请填写纸质档案的寄送方式"))
    assert method.field == "method"
    other = ServiceProblem(409, "STEP_NOT_ACTIVE", "该步骤当前不在办理中")
    assert placed(other).field is None
    named = ServiceProblem(
        422,
        "VALIDATION_FAILED",
        "请求参数不正确",
        field="reason",
        fields=[FieldProblem("reason", "STRING_TOO_LONG", "过长")],
    )
    assert placed(named) is named


def test_the_inbox_puts_overdue_steps_first_then_the_nearest_deadline() -> None:
    items = [
        {"id": "later", "overdue": False, "current_deadline": "2026-12-20T15:59:59+00:00"},
        {"id": "undated", "overdue": False, "current_deadline": None},
        {"id": "overdue", "overdue": True, "current_deadline": "2026-12-25T15:59:59+00:00"},
        {"id": "sooner", "overdue": False, "current_deadline": "2026-12-10T23:59:59+08:00"},
    ]
    assert [i["id"] for i in transfer_inbox.ordered(items)] == [
        "overdue",
        "sooner",
        "later",
        "undated",
    ]
