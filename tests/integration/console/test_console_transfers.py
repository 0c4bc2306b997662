"""A cross-province transfer through the console, in real headless Chromium on `make up`'s
platform: each of the four parties signs in on the sign-in page and does its part (SPEC §5),
until the pupil's record is at the new school and gone from the old school's list. And a
registrar editing URLs sees nothing of another school's transfers or pupils."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.test_console_pages import api_token
from tests.integration.console.transfer_steps import (
    SCHOOL,
    SCHOOL_NAME,
    Pupil,
    at_case,
    case_state,
    guangdong_pupil,
    open_from_inbox,
    reloaded_until,
    signed_in_as,
    unlabelled_controls,
)
from tests.integration.registry.builders import IdFactory
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

RECEIVING = "2131000101"  # 上海市青浦区金泽小学
RECEIVING_NAME = "上海市青浦区金泽小学"
OTHER_SCHOOL = "2131000201"  # 上海市徐汇区建襄小学
# The README shows these two, made by this test.
DOCS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def pupil(platform: Platform) -> Pupil:
    return guangdong_pupil(platform, IdFactory())


def file_transfer(page: Page, pupil: Pupil, shots: Screenshots) -> str:
    """The receiving school's registrar files; a wrong name is refused next to the field."""
    signed_in_as(page, f"{RECEIVING}.registrar")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="申请转入").click()
    expect(page.get_by_role("heading", name="申请转入")).to_be_visible()
    assert unlabelled_controls(page) == []
    page.get_by_label("学生全国学籍号").fill(pupil.national_number)
    page.get_by_label("学生姓名").fill("欧阳思")
    page.get_by_label("转出省份").select_option(label="广东省")
    page.get_by_label("转入年级").select_option(str(pupil.grade))
    page.get_by_label("转入班级").fill("3")
    page.get_by_label("转学原因").fill("随父母工作调动到上海")
    page.get_by_role("button", name="提交转学申请").click()
    refusal = page.locator("#pupil_name-error")
    expect(refusal).to_contain_text("PUPIL_NAME_MISMATCH")
    expect(page.get_by_label("学生姓名")).to_have_attribute("aria-invalid", "true")
    # What was typed is kept.
    expect(page.get_by_label("学生全国学籍号")).to_have_value(pupil.national_number)
    expect(page.get_by_label("转出省份")).to_have_value("44")
    expect(page.get_by_label("转学原因")).to_have_value("随父母工作调动到上海")
    shots.step("filing-refused-wrong-name")

    page.get_by_label("学生姓名").fill(pupil.name)
    page.get_by_role("button", name="提交转学申请").click()
    expect(page.get_by_text("转学申请已提交，等待审核。")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(pupil.name)
    expect(page.locator("dl.case-summary")).to_contain_text(SCHOOL_NAME)
    shots.step("filed")
    return page.url.rsplit("/", 1)[-1]


def approve(page: Page, pupil: Pupil, username: str, step: str, opinion: str) -> None:
    signed_in_as(page, username)
    open_from_inbox(page, pupil, step)
    page.get_by_label("意见或原因").fill(opinion)
    page.get_by_role("button", name="同意", exact=True).click()
    expect(page.get_by_text("已同意，转学申请转入下一环节。")).to_be_visible()
    decided = page.locator("table.timeline tbody tr").filter(has_text=step)
    expect(decided).to_contain_text("同意")
    expect(decided).to_contain_text(opinion)


def report(
    page: Page, pupil: Pupil, username: str, step: str, button: str,
    done: str = "已办理，转学申请转入下一环节。",
) -> None:  # fmt: skip
    signed_in_as(page, username)
    open_from_inbox(page, pupil, step)
    if step == "寄出纸质档案":
        page.get_by_label("寄送方式").fill("EMS")
        page.get_by_label("运单号").fill("EA123456789CN")
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text(done)).to_be_visible()


def test_four_parties_carry_a_cross_province_transfer_to_the_new_school(
    page: Page, pupil: Pupil, shots: Screenshots
) -> None:
    transfer_id = file_transfer(page, pupil, shots)

    approve(page, pupil, f"{RECEIVING}.reviewer", "转入学校审核", "同意接收")
    shots.step("receiving-school-approved")

    # The receiving county: its inbox with the deadline; a refusal needs a reason.
    signed_in_as(page, "qingpu.county")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="转学").click()
    row = page.locator("table.inbox tbody tr").filter(has_text=pupil.national_number)
    reloaded_until(page, row.filter(has_text="转入地教育局审核"))
    expect(row.locator("td:nth-child(5)")).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d"))
    expect(row.locator("td:nth-child(6)")).to_have_text("未逾期")
    page.screenshot(path=str(DOCS / "transfer-inbox.png"), full_page=True)
    shots.step("receiving-county-inbox")
    row.get_by_role("link", name=pupil.name).click()
    page.get_by_role("button", name="不同意").click()
    expect(page.locator("#reason-error")).to_contain_text("REASON_REQUIRED")
    expect(page.get_by_label("意见或原因")).to_have_attribute("aria-invalid", "true")
    expect(case_state(page)).to_have_text("审核中")
    shots.step("receiving-county-refusal-needs-a-reason")
    page.get_by_label("意见或原因").fill("材料齐全，同意转入")
    page.get_by_role("button", name="同意", exact=True).click()
    expect(page.get_by_text("已同意，转学申请转入下一环节。")).to_be_visible()
    shots.step("receiving-county-approved")

    approve(page, pupil, f"{SCHOOL}.reviewer", "转出学校审核", "同意转出")
    shots.step("sending-school-approved")
    approve(page, pupil, "liwan.county", "转出地教育局审核", "同意")
    shots.step("sending-county-approved")

    report(page, pupil, f"{RECEIVING}.registrar", "学生报到", "确认学生已报到")
    shots.step("arrival-reported")
    report(page, pupil, f"{SCHOOL}.registrar", "寄出纸质档案", "确认纸质档案已寄出")
    shots.step("paper-file-sent")
    report(
        page, pupil, f"{RECEIVING}.registrar", "接收纸质档案", "确认纸质档案已收到",
        done="已确认收到纸质档案，转学办结。",
    )  # fmt: skip
    expect(page).to_have_url(at_case(transfer_id))
    expect(case_state(page)).to_have_text("已办结")
    timeline = page.locator("table.timeline tbody tr")
    expect(timeline.locator("td:first-child")).to_have_text([
        "转入学校审核", "转入地教育局审核", "转出学校审核", "转出地教育局审核",
        "学生报到", "寄出纸质档案", "接收纸质档案",
    ])  # fmt: skip
    expect(timeline.filter(has_text="寄出纸质档案")).to_contain_text("运单号：EA123456789CN")
    expect(timeline.filter(has_text="转出学校审核")).to_contain_text("何志明")
    page.screenshot(path=str(DOCS / "transfer-timeline.png"), full_page=True)
    shots.step("paper-file-received-completed")

    # At phone width the timeline and the transfer list read without sideways scrolling.
    page.set_viewport_size(PHONE)
    expect(timeline.first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shots.step("timeline-at-phone-width")
    page.get_by_role("link", name="← 返回转学").click()
    expect(
        page.locator("table.all tbody tr").filter(has_text=pupil.national_number)
    ).to_contain_text("已办结")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shots.step("transfers-at-phone-width")
    page.set_viewport_size({"width": 1280, "height": 860})
    page.go_back()

    # The pupil's record, at the new school.
    page.get_by_role("link", name="查看该生学籍").click()
    pupils = page.locator("table.pupils tbody tr")
    expect(pupils).to_have_count(1)
    expect(pupils.locator("td:nth-child(3)")).to_have_text(RECEIVING_NAME)
    pupils.get_by_role("link", name=pupil.name).click()
    expect(page.locator("dl.record")).to_contain_text(f"{RECEIVING_NAME}（{RECEIVING}）")
    shots.step("pupil-at-the-new-school")

    # The old school's list no longer shows the pupil.
    signed_in_as(page, f"{SCHOOL}.registrar")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="学生学籍").click()
    page.get_by_label("学籍号").fill(pupil.national_number)
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_role("status").filter(has_text="名学生")).to_contain_text("共 0 名学生")
    expect(page.get_by_text(pupil.name)).to_have_count(0)
    shots.step("gone-from-the-old-school")


def test_a_registrar_editing_urls_sees_nothing_of_another_schools_transfers(
    page: Page, platform: Platform, shots: Screenshots
) -> None:
    # A demo transfer between 金乡县实验小学 and 金泽小学, in which 建襄小学 takes no part.
    token = api_token(platform, f"{RECEIVING}.registrar")["access_token"]
    listed = httpx.get(
        f"{platform.urls()['transfer']}/v1/transfers", params={"limit": 200},
        headers={"Authorization": f"Bearer {token}"},
    ).json()["items"]  # fmt: skip
    foreign = next(
        item for item in listed
        if OTHER_SCHOOL not in (item["receiving_school"]["code"], item["sending_school"]["code"])
    )  # fmt: skip
    signed_in_as(page, f"{OTHER_SCHOOL}.registrar")

    answer = page.goto(f"/transfers/{foreign['id']}")
    assert answer is not None and answer.status == 404
    expect(page.get_by_role("alert")).to_contain_text("转学申请不存在或不在本单位管辖范围内")
    expect(page.get_by_text(foreign["pupil_name"])).to_have_count(0)
    expect(page.get_by_text(foreign["national_number"])).to_have_count(0)
    shots.step("other-schools-transfer")

    # Its actions are refused the same way, with a valid form token of this session.
    page.goto("/transfers")
    token_field = page.locator("form.signout input[name=csrf_token]")
    refused = page.request.post(
        f"/transfers/{foreign['id']}/withdrawal",
        form={"csrf_token": token_field.get_attribute("value") or "", "decision_id": "x",
              "reason": "试图撤回"},
    )  # fmt: skip
    assert refused.status == 404 and "TRANSFER_NOT_FOUND" in refused.text()
    assert foreign["pupil_name"] not in refused.text()

    page.goto(f"/pupils?number={foreign['national_number']}")
    expect(page.get_by_role("status").filter(has_text="名学生")).to_contain_text("共 0 名学生")
    expect(page.get_by_text(foreign["pupil_name"])).to_have_count(0)
    shots.step("other-schools-pupil-number")

    answer = page.goto("/transfers/not-a-transfer-id")
    assert answer is not None and answer.status == 422
    expect(page.get_by_role("alert")).to_contain_text("QUERY_INVALID")


def test_a_province_sees_the_overdue_steps_of_its_area_grouped_by_authority(
    page: Page, platform: Platform, shots: Screenshots
) -> None:
    token = api_token(platform, "sh.province")["access_token"]
    overdue = httpx.get(
        f"{platform.urls()['transfer']}/v1/overdue", headers={"Authorization": f"Bearer {token}"}
    ).json()
    signed_in_as(page, "sh.province")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="逾期督办").click()
    expect(page.get_by_role("heading", name="逾期督办")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text(f"本辖区逾期的转学环节共 {overdue['total']} 个")
    groups = page.locator("section.overdue-group")
    expect(groups).to_have_count(len(overdue["authorities"]))
    for group, listed in zip(groups.all(), overdue["authorities"], strict=True):
        expect(group.get_by_role("heading")).to_contain_text(listed["authority"])
        expect(group.locator("tbody tr")).to_have_count(len(listed["steps"]))
    shots.step("overdue-list")
    # A school has no overdue list: the section is neither shown nor served.
    signed_in_as(page, f"{RECEIVING}.registrar")
    expect(page.get_by_role("link", name="逾期督办")).to_have_count(0)
    answer = page.goto("/transfers/overdue")
    assert answer is not None and answer.status == 403


def test_the_receiving_registrar_withdraws_a_filed_transfer_with_a_reason(
    page: Page, platform: Platform, shots: Screenshots
) -> None:
    pupil = guangdong_pupil(platform, IdFactory())
    transfer_id = file_transfer(page, pupil, shots)
    expect(page.get_by_label("撤回原因")).to_be_visible()
    page.get_by_role("button", name="撤回转学申请").click()
    expect(page.locator("#reason-error")).to_be_visible()
    expect(page.get_by_label("撤回原因")).to_have_attribute("aria-invalid", "true")
    expect(case_state(page)).to_have_text("审核中")
    shots.step("withdrawal-needs-a-reason")

    page.get_by_label("撤回原因").fill("家长改变主意，暂不转学")
    page.get_by_role("button", name="撤回转学申请").click()
    expect(page).to_have_url(at_case(transfer_id))
    expect(page.get_by_text("转学申请已撤回。")).to_be_visible()
    expect(case_state(page)).to_have_text("已撤回")
    withdrawal = page.locator("table.timeline tbody tr").filter(has_text="转入学校撤回申请")
    expect(withdrawal).to_contain_text("家长改变主意，暂不转学")
    # Nothing is left to do on a withdrawn case.
    expect(page.get_by_role("heading", name="办理", exact=True)).to_have_count(0)
    shots.step("withdrawn")
