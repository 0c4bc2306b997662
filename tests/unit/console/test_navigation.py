"""One table gives each role its menu and its access."""

from __future__ import annotations

import pytest

from xueji_common.auth.principal import Role
from xueji_console.navigation import may_use, sections_for


@pytest.mark.parametrize("role", [Role.SCHOOL_REGISTRAR, Role.COUNTY_OFFICER, Role.CLASS_TEACHER])
def test_staff_get_the_home_page_and_the_pupils(role: Role) -> None:
    assert [s.label for s in sections_for(role)] == ["首页", "学生学籍"]
    assert may_use(role, "pupils")


@pytest.mark.parametrize("role", [Role.OPS, Role.PLATFORM_SERVICE, Role.PROVINCE_SYSTEM])
def test_accounts_that_do_not_use_the_console_get_nothing(role: Role) -> None:
    assert sections_for(role) == []
    assert not may_use(role, "home")
