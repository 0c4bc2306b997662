"""Test data for the registry domain: a fixed today and hypothesis strategies."""

from __future__ import annotations

import re
from datetime import date
from importlib import resources

from hypothesis import settings
from hypothesis import strategies as st

from xueji_registry.domain.divisions import division_periods
from xueji_registry.domain.id_generation import make_id_number

TODAY = date(2026, 11, 23)

FULL_WIDTH_DIGITS = {ord(d): ord(d) + 0xFEE0 for d in "0123456789"}


def _current_divisions() -> list[str]:
    """Division codes in use without interruption since 1990 (valid for any pupil)."""
    text = resources.files("stdnum").joinpath("cn/loc.dat").read_text(encoding="utf-8")
    codes: list[str] = []
    province = ""
    for line in text.splitlines():
        if match := re.match(r"^(\d{2}) ", line):
            province = match.group(1)
        elif match := re.match(r"^  (\d{4}) ", line):
            code = province + match.group(1)
            periods = division_periods(code)
            if any(
                p.last_year is None and (p.first_year is None or p.first_year <= 1990)
                for p in periods
            ):
                codes.append(code)
    return codes


CURRENT_DIVISIONS = _current_divisions()

divisions = st.sampled_from(CURRENT_DIVISIONS)
birth_dates = st.dates(min_value=date(1990, 1, 1), max_value=TODAY)
pupil_birth_dates = st.dates(min_value=date(2005, 1, 1), max_value=date(2020, 8, 31))
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def id_numbers(draw: st.DrawFn, births: st.SearchStrategy[date] = birth_dates) -> str:
    return make_id_number(draw(divisions), draw(births), draw(sequences))


def to_full_width(text: str) -> str:
    return text.translate(FULL_WIDTH_DIGITS).replace("X", "\uff38")


# Property tests here must not fail on a slow or busy machine: no deadline.
relaxed = settings(deadline=None)
