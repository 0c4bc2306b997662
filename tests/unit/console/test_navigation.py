"""One table gives each role its menu and its access."""

from __future__ import annotations

import pytest

from xueji_common.auth.principal import Role
from xueji_console.navigation import may_use, sections_for
from xueji_console.session import PARENT, TEACHER

# After 首页 and 学生学籍: each role's pupil, transfer, photo, export and registry pages.
MENUS = {
    Role.SCHOOL_REGISTRAR: [
        "新生录入", "班级管理", "转学", "申请转入", "照片采集", "数据导出", "Excel导入", "学籍注册",
    ],
    Role.CLASS_TEACHER: ["照片采集"],
    Role.COUNTY_OFFICER: [
        "转学", "逾期督办", "工作日历", "照片采集管理", "数据导出", "导出审批", "学籍注册",
    ],
    Role.SCHOOL_REVIEWER: ["转学"],
    Role.CITY_OFFICER: ["转学", "逾期督办", "工作日历", "数据导出", "导出审批"],
    Role.PROVINCE_OFFICER: ["转学", "逾期督办", "工作日历", "数据导出", "导出审批", "导出审计"],
    Role.NATIONAL_OPERATOR: ["转学", "逾期督办", "工作日历", "导出审计"],
}


@pytest.mark.parametrize("role", list(MENUS))
def test_staff_get_the_home_page_the_pupils_and_their_own_sections(role: Role) -> None:
    assert [s.label for s in sections_for(role)] == ["首页", "学生学籍", *MENUS[role]]
    assert may_use(role, "pupils")


@pytest.mark.parametrize("role", [Role.CLASS_TEACHER, Role.SCHOOL_REVIEWER, Role.COUNTY_OFFICER])
def test_only_a_provinces_officers_and_the_national_operators_read_the_export_audit(
    role: Role,
) -> None:
    assert not may_use(role, "export-audit")
    assert may_use(Role.PROVINCE_OFFICER, "export-audit")


def test_only_a_registrar_files_a_transfer_and_only_bureaus_see_the_overdue_list() -> None:
    assert [r for r in Role if may_use(r, "transfer-filing")] == [Role.SCHOOL_REGISTRAR]
    assert not may_use(Role.SCHOOL_REGISTRAR, "overdue")
    assert not may_use(Role.CLASS_TEACHER, "transfers")


def test_only_a_registrar_enters_a_new_pupil() -> None:
    assert [r for r in Role if may_use(r, "pupil-entry")] == [Role.SCHOOL_REGISTRAR]
    assert [r for r in Role if may_use(r, "classes")] == [Role.SCHOOL_REGISTRAR]


def test_a_parent_gets_only_the_pupil_photo_page() -> None:
    assert [s.path for s in sections_for(PARENT)] == ["/parent"]
    assert not may_use(PARENT, "pupils")
    assert not may_use(PARENT, "school-photos")


def test_a_photo_teacher_gets_only_the_school_photo_pages() -> None:
    assert [s.path for s in sections_for(TEACHER)] == ["/photos"]
    assert not may_use(TEACHER, "home")


@pytest.mark.parametrize("role", [Role.OPS, Role.PLATFORM_SERVICE, Role.PROVINCE_SYSTEM])
def test_accounts_that_do_not_use_the_console_get_nothing(role: Role) -> None:
    assert sections_for(role) == []
    assert not may_use(role, "home")


def test_only_a_registrar_imports_and_a_school_and_its_county_do_registration() -> None:
    assert [r for r in Role if may_use(r, "imports")] == [Role.SCHOOL_REGISTRAR]
    parties = [r for r in Role if may_use(r, "registration")]
    assert set(parties) == {Role.SCHOOL_REGISTRAR, Role.COUNTY_OFFICER}
