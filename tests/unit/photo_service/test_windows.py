"""The nearest window up the org path applies; outside it the dates are named."""

from __future__ import annotations

from datetime import date

import pytest

from xueji_common.errors import DomainError
from xueji_photo import error_codes
from xueji_photo.windows.rule import Window, check_window, nearest_window

PUPIL = "/CN/31/3101/310118/2131000101/"
CITY = Window("3101", "/CN/31/3101/", "grade_one_entrant", date(2026, 9, 1), date(2026, 12, 29))
COUNTY = Window(
    "310118", "/CN/31/3101/310118/", "grade_one_entrant", date(2026, 10, 10), date(2026, 11, 21)
)
OTHER_COUNTY = Window(
    "310104", "/CN/31/3101/310104/", "grade_one_entrant", date(2026, 1, 1), date(2026, 12, 31)
)
GRADUATES = Window("31", "/CN/31/", "graduating", date(2026, 1, 1), date(2026, 12, 31))


def test_the_nearest_unit_of_the_pupils_cohort_wins() -> None:
    windows = [CITY, COUNTY, OTHER_COUNTY, GRADUATES]
    assert nearest_window(windows, PUPIL, "grade_one_entrant") == COUNTY
    assert nearest_window([CITY, OTHER_COUNTY], PUPIL, "grade_one_entrant") == CITY
    assert nearest_window(windows, PUPIL, "graduating") == GRADUATES
    assert nearest_window(windows, PUPIL, "transferred_in") is None


def test_inside_the_window_passes_its_first_and_last_day_included() -> None:
    check_window(COUNTY, date(2026, 10, 10))
    check_window(COUNTY, date(2026, 11, 21))


@pytest.mark.parametrize("day", [date(2026, 10, 9), date(2026, 11, 22)])
def test_outside_the_window_names_its_dates(day: date) -> None:
    with pytest.raises(DomainError) as refused:
        check_window(COUNTY, day)
    assert refused.value.error is error_codes.PHOTO_OUTSIDE_WINDOW
    assert "采集时间为2026年10月10日至2026年11月21日" in refused.value.message
    assert refused.value.extra == {"opens_on": "2026-10-10", "closes_on": "2026-11-21"}


def test_no_window_set_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        check_window(None, date(2026, 10, 10))
    assert refused.value.error is error_codes.PHOTO_WINDOW_NOT_SET
