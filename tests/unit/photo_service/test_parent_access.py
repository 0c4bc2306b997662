"""A parent session reaches its one pupil, and records itself as the parent, never by name."""

from __future__ import annotations

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_photo import access
from xueji_photo.access import ParentCaller, recorded_as

SCOPE = "/CN/31/3101/310118/2131000101/"
PARENT = ParentCaller("s-1", "p-1")


def test_a_parent_views_and_uploads_for_their_pupil_only() -> None:
    assert access.may_view(PARENT, SCOPE, "p-1") and access.may_upload(PARENT, SCOPE, "p-1")
    assert not access.may_view(PARENT, SCOPE, "p-2")
    assert not access.may_upload(PARENT, SCOPE, "p-2")
    assert not access.may_view(PARENT, SCOPE)


def test_a_parent_sees_no_roster() -> None:
    assert not access.may_see_roster(PARENT, SCOPE)


def test_a_parent_is_recorded_as_a_parent_of_the_pupils_school() -> None:
    who = recorded_as(PARENT, "2131000101")
    assert (who.uploader, who.role, who.unit_code) == ("parent", "parent", "2131000101")
    assert who.account_id == "parent-session:s-1" and who.name == "家长"


def test_staff_are_recorded_as_the_school() -> None:
    path = ("CN", "31", "3101", "310118", "2131000101")
    staff = Principal("a-1", "陈老师", Role.CLASS_TEACHER, path[-1], UnitKind.SCHOOL, path)
    who = recorded_as(staff, "2131000101")
    assert (who.uploader, who.account_id, who.role) == ("school", "a-1", "class_teacher")


def test_only_the_schools_county_manages_its_registration_code() -> None:
    county = ("CN", "31", "3101", "310118")
    officer = Principal("a-2", "赵科长", Role.COUNTY_OFFICER, "310118", UnitKind.COUNTY, county)
    other = Principal("a-3", "钱科长", Role.COUNTY_OFFICER, "310119", UnitKind.COUNTY,
                      ("CN", "31", "3101", "310119"))  # fmt: skip
    city = Principal("a-4", "孙处长", Role.CITY_OFFICER, "3101", UnitKind.CITY, county[:3])
    assert access.may_manage_school_access(officer, SCOPE)
    assert not access.may_manage_school_access(other, SCOPE)
    assert not access.may_manage_school_access(city, SCOPE)
