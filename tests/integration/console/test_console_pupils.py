"""A school's registrar enters a new pupil through the console, in real headless Chromium on
`make up`'s platform: an entry year the registry refuses is shown next to the field with the
form as typed; a wrong ID number is not refused but makes the record a problem record (问题学籍)
whose reason the pupil's page shows; a valid one enters a clean record. And editing the URL
to another school's pupil shows nothing of that pupil."""

from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import Page, expect

from tests.integration.console.conftest import Screenshots
from tests.integration.console.transfer_steps import (
    SCHOOL,
    guangdong_school,
    signed_in_as,
    unlabelled_controls,
)
from tests.integration.registry.builders import IdFactory, grade_entry
from xueji_stack.platform import Platform

pytestmark = pytest.mark.integration

# SCHOOL is the Guangdong school: the problem record this test makes must stay out of the
# demo provinces, whose seeded problem records a registry suite counts on the same database.
OTHER_SCHOOL = "2131000201"  # 上海市徐汇区建襄小学


def test_a_registrar_enters_a_pupil_and_puts_it_in_a_new_class(
    page: Page, shots: Screenshots, platform: Platform
) -> None:
    guangdong_school(platform)
    year, birth = grade_entry(2)
    signed_in_as(page, f"{SCHOOL}.registrar")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="新生录入").click()
    expect(page.get_by_role("heading", name="新生录入")).to_be_visible()
    assert unlabelled_controls(page) == []
    page.get_by_label("学生姓名").fill("林一诺")
    page.get_by_label("性别").select_option(label="女")
    page.get_by_label("出生日期").fill(birth.isoformat())
    page.get_by_label("居民身份证号").fill("31011820160315002X-1")
    page.get_by_label("年级").select_option("2")
    page.get_by_label("本学段入学年份").fill("1980")
    page.get_by_role("button", name="录入学生").click()
    expect(page.locator("#enrolment_year-error")).to_be_visible()
    expect(page.get_by_label("本学段入学年份")).to_have_attribute("aria-invalid", "true")
    # What was typed is kept.
    expect(page.get_by_label("学生姓名")).to_have_value("林一诺")
    expect(page.get_by_label("居民身份证号")).to_have_value("31011820160315002X-1")
    expect(page.get_by_label("本学段入学年份")).to_have_value("1980")
    shots.step("entry-refused-enrolment-year")

    page.get_by_label("本学段入学年份").fill(str(year))
    page.get_by_role("button", name="录入学生").click()
    expect(page.get_by_text("学生已录入。")).to_be_visible()
    expect(page.get_by_role("region", name="问题学籍：1 项原因")).to_contain_text(
        "ID_NUMBER_LENGTH"
    )
    shots.step("entered-as-problem-record")

    page.goto("/pupils/new")
    page.get_by_label("学生姓名").fill("林一诺")
    page.get_by_label("性别").select_option(label="女")
    page.get_by_label("出生日期").fill(birth.isoformat())
    page.get_by_label("年级").select_option("2")
    page.get_by_label("本学段入学年份").fill(str(year))

    id_number = IdFactory().new(birth, male=False, division="310118")
    page.get_by_label("居民身份证号").fill(id_number)
    page.get_by_role("button", name="录入学生").click()
    expect(page.get_by_text("学生已录入。")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("林一诺")
    expect(page.locator("dl.record")).to_contain_text(id_number)
    expect(page.get_by_role("region", name="问题学籍：1 项原因")).to_have_count(0)
    shots.step("entered")

    # A class for grade 2, and the new pupil put into it (分班).
    pupil_url = page.url
    number = str(random.randint(10, 99))  # a class number this school has not used yet
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="班级管理").click()
    assert unlabelled_controls(page) == []
    page.get_by_label("年级", exact=True).select_option("2")
    page.get_by_label("班号").fill("0")
    page.get_by_role("button", name="新建班级").click()
    expect(page.locator("#number-error")).to_be_visible()
    expect(page.get_by_label("班号")).to_have_value("0")
    expect(page.get_by_label("年级", exact=True)).to_have_value("2")
    shots.step("class-refused-number")
    page.get_by_label("班号").fill(number)
    page.get_by_role("button", name="新建班级").click()
    expect(page.get_by_text("班级已建立。")).to_be_visible()
    expect(page.get_by_text("本班暂无学生。")).to_be_visible()
    page.get_by_label(re.compile("林一诺")).first.check()
    page.get_by_role("button", name="分入本班").click()
    expect(page.get_by_text("已分入本班。")).to_be_visible()
    expect(page.get_by_text("本班学生（1 名）")).to_be_visible()
    shots.step("pupil-assigned")

    # Another school's registrar, editing the URL to this pupil, sees nothing of it.
    signed_in_as(page, f"{OTHER_SCHOOL}.registrar")
    page.goto(pupil_url)
    expect(page.get_by_text("林一诺")).to_have_count(0)
    expect(page.get_by_text(id_number)).to_have_count(0)
    shots.step("other-school-sees-nothing")
