"""The demo pupils are valid (except the deliberate problems) and the same on every start."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.unit.registry_service.samples import TODAY
from xueji_registry.pupils.entry.candidates import validate_candidate
from xueji_registry.pupils.state import SchoolRef
from xueji_stack.demo.cohorts import (
    PLANS,
    demo_candidates,
    under_age,
    without_id,
    wrong_check_digit,
)
from xueji_stack.demo.registry import SCHOOLS


def _school(code: str) -> SchoolRef:
    _, name, county, stages, special = next(s for s in SCHOOLS if s[0] == code)
    path = ("CN", county[:2], county[:4], county, code)
    return SchoolRef(code, name, path, county, frozenset(stages), special)


@pytest.mark.parametrize("code", sorted(PLANS))
def test_every_demo_pupil_passes_every_check(code: str) -> None:
    school = _school(code)
    used: set[str] = set()
    planned = demo_candidates(
        school, PLANS[code], county_name="某区", classes={}, today=TODAY, used_ids=used
    )
    assert len(planned) == PLANS[code].pupils == len(used)
    for candidate in planned:
        validated = validate_candidate(candidate, school=school, today=TODAY)
        assert validated.reasons == (), (candidate, validated.reasons)
    again = demo_candidates(
        school, PLANS[code], county_name="某区", classes={}, today=TODAY, used_ids=set()
    )
    assert again == planned


def test_about_a_thousand_pupils_per_province() -> None:
    per_province = Counter()
    for code, plan in PLANS.items():
        per_province[code[2:4]] += plan.pupils
    assert per_province == {"31": 1000, "37": 1000}


def test_the_deliberate_problems_are_reported() -> None:
    school = _school("2131000101")
    used: set[str] = set()
    first, *_ = demo_candidates(
        school, PLANS[school.code], county_name="青浦区", classes={}, today=TODAY, used_ids=used
    )

    def codes(candidate: object) -> list[str]:
        return [r.code for r in validate_candidate(candidate, school=school, today=TODAY).reasons]

    assert codes(wrong_check_digit(first)) == ["ID_NUMBER_CHECK_DIGIT"]
    assert codes(under_age(first, TODAY, used, school.county_code)) == ["UNDER_AGE_GRADE1"]
    assert codes(without_id(first, name="刘思源", birth=first.birth_date)) == []
