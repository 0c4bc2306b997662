"""The calendar page: the year chosen, months laid out, and the page for every bureau role."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.console.test_transfer_offers import person
from tests.unit.console.test_transfer_templates import render
from xueji_common.auth.principal import Role
from xueji_console.calendar_months import by_month, chosen_year
from xueji_console.navigation import BUREAUS, may_use

TODAY = date(2026, 12, 3)
PUBLISHED = {
    "year": 2026,
    "published": True,
    "source": "国务院办公厅",
    "published_at": "2025-11-04T02:00:00+00:00",
    "published_by": "全国运维员",
    "holidays": ["2026-01-01", "2026-02-16", "2026-02-17"],
    "make_up_days": ["2026-02-14"],
}


@pytest.mark.parametrize(
    ("asked", "year"), [("2027", 2027), (None, 2026), ("x", 2026), ("1999", 2026)]
)
def test_the_year_asked_for_when_served_else_this_year(asked: str | None, year: int) -> None:
    assert chosen_year(asked, TODAY) == year


def test_months_hold_their_days_in_order() -> None:
    months = by_month(["2026-02-17", "2026-01-01", "2026-02-16"], ["2026-02-14"])
    assert [m.number for m in months] == [1, 2]
    assert months[1].holidays == [date(2026, 2, 16), date(2026, 2, 17)]
    assert months[1].make_up_days == [date(2026, 2, 14)]


@pytest.mark.parametrize("role", sorted(BUREAUS), ids=str)
def test_every_bureau_reads_a_published_year(role: Role) -> None:
    who = person(role, "310118")
    assert may_use(role, "calendar")
    page = render(
        "calendar/year.html",
        who,
        year=2026,
        calendar=PUBLISHED,
        months=by_month(PUBLISHED["holidays"], PUBLISHED["make_up_days"]),
    )
    assert "2026 年工作日历" in page and '<time datetime="2026-02-17">2月17日</time>' in page
    assert '<time datetime="2026-02-14">2月14日</time>' in page
    assert "节假日 3 天，调休上班日 1 天" in page and "全国运维员" in page


def test_an_unpublished_year_says_deadlines_are_provisional() -> None:
    unpublished = {**PUBLISHED, "published": False, "holidays": [], "make_up_days": []}
    page = render(
        "calendar/year.html", person(Role.COUNTY_OFFICER, "310118"),
        year=2027, calendar=unpublished, months=[],
    )  # fmt: skip
    assert "尚未发布" in page and "周一至周五" in page


def test_schools_do_not_see_the_calendar() -> None:
    assert not may_use(Role.SCHOOL_REGISTRAR, "calendar")
