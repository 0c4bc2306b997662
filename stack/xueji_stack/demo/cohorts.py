"""The demo pupils of one school, generated deterministically; no I/O.

Valid ID numbers come from the domain's generator with the school county's division code;
Shanghai pupils carry a local number (学籍副号) in the Shanghai layout.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from xueji_registry.domain.id_generation import make_id_number
from xueji_registry.domain.local_number_formats import LocalNumberPart, local_number_format
from xueji_registry.pupils.entry.candidates import PupilCandidate
from xueji_registry.pupils.model import school_year, stage_for_grade
from xueji_registry.pupils.state import ClassRef, SchoolRef
from xueji_stack.demo.people import DISABILITY_CATEGORIES, demo_person


@dataclass(frozen=True)
class DemoPlan:
    grades: range
    pupils: int


# About 1,000 pupils per demo province.
PLANS: Mapping[str, DemoPlan] = {
    "2131000101": DemoPlan(range(1, 6), 260),
    "3131000102": DemoPlan(range(6, 10), 250),
    "2131000201": DemoPlan(range(1, 6), 260),
    "3431000202": DemoPlan(range(10, 13), 230),
    "2137000101": DemoPlan(range(1, 7), 300),
    "3137000102": DemoPlan(range(7, 10), 300),
    "2137000201": DemoPlan(range(1, 7), 320),
    "5137000301": DemoPlan(range(1, 10), 80),
}


def birth_window(grade: int, today: date) -> tuple[date, date]:
    """Birth dates of a pupil of `grade` who started school at the usual age."""
    year = school_year(today)
    return date(year - 6 - grade, 9, 1), date(year - 5 - grade, 8, 31)


def _new_id(rng: random.Random, division: str, birth: date, male: bool, used: set[str]) -> str:
    while True:
        sequence = rng.randrange(0, 499) * 2 + (1 if male else 0)
        id_number = make_id_number(division, birth, sequence)
        if id_number not in used:
            used.add(id_number)
            return id_number


def demo_candidates(
    school: SchoolRef,
    plan: DemoPlan,
    *,
    county_name: str,
    classes: Mapping[int, Sequence[ClassRef]],
    today: date,
    used_ids: set[str],
) -> list[PupilCandidate]:
    rng = random.Random(f"xueji-demo-{school.code}")
    year = school_year(today)
    layout = local_number_format(school.province_code)
    stage_of = {g: stage_for_grade(g, school.province_code, school.stages) for g in plan.grades}
    first_grade = {s: min(g for g in plan.grades if stage_of[g] == s) for s in stage_of.values()}
    local_sequences: dict[tuple[str, int], int] = {}
    candidates = []
    for n in range(plan.pupils):
        grade = plan.grades[n % len(plan.grades)]
        stage = stage_of[grade] or ""
        person = demo_person(rng, place=county_name)
        earliest, latest = birth_window(grade, today)
        birth = earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))
        id_number = _new_id(rng, school.county_code, birth, person.gender == "1", used_ids)
        enrolment_year = year - (grade - first_grade[stage])
        local_number = None
        if layout is not None:
            serial = local_sequences.get((stage, enrolment_year), 0) + 1
            local_sequences[(stage, enrolment_year)] = serial
            local_number = layout.compose(
                {
                    LocalNumberPart.SCHOOL_CODE: school.code,
                    LocalNumberPart.STAGE: layout.stage_codes[stage],
                    LocalNumberPart.ENROLMENT_YEAR: f"{enrolment_year:04d}",
                    LocalNumberPart.SEQUENCE: f"{serial:04d}",
                }
            )
        in_grade = classes.get(grade, ())
        school_class = in_grade[(n // len(plan.grades)) % len(in_grade)] if in_grade else None
        disabled = school.special_education or rng.random() < 0.01
        candidates.append(
            PupilCandidate(
                name=person.name,
                gender=person.gender,
                birth_date=birth,
                grade=grade,
                stage=stage,
                enrolment_year=enrolment_year,
                id_number=id_number,
                local_number=local_number,
                ethnicity=person.ethnicity,
                household_division=school.county_code,
                household_address=person.address,
                address=person.address,
                guardians=person.guardians,
                class_id=school_class.id if school_class else None,
                inclusive_education=disabled and not school.special_education,
                disability_category=rng.choice(DISABILITY_CATEGORIES) if disabled else None,
            )
        )
    return candidates


def wrong_check_digit(candidate: PupilCandidate) -> PupilCandidate:
    """The same pupil with a mistyped last character of the ID number (problem data)."""
    id_number = candidate.id_number or ""
    last = "0" if id_number[-1:] != "0" else "1"
    return replace(candidate, id_number=id_number[:-1] + last)


def under_age(
    candidate: PupilCandidate, today: date, used_ids: set[str], division: str
) -> PupilCandidate:
    """A grade-1 pupil who turns 6 only after 31 August (refused reason UNDER_AGE_GRADE1)."""
    birth = date(school_year(today) - 6, 10, 8)
    id_number = make_id_number(division, birth, 1 if candidate.gender == "1" else 2)
    used_ids.add(id_number)
    return replace(
        candidate,
        grade=1,
        enrolment_year=school_year(today),
        birth_date=birth,
        id_number=id_number,
        local_number=None,
        class_id=None,
    )


def without_id(candidate: PupilCandidate, *, name: str, birth: date) -> PupilCandidate:
    """A boy with no identity document (he gets a temporary number)."""
    return replace(
        candidate,
        name=name,
        gender="1",
        birth_date=birth,
        id_type=None,
        id_number=None,
        local_number=None,
    )
