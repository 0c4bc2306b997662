"""Who the roster asks for a photo and why."""

from __future__ import annotations

import pytest

from xueji_photo.roster.cohorts import Cohort, PupilFacts, cohort_of, on_roster

FIVE_YEAR = frozenset({"31"})


def facts(stage: str, grade: int, province: str = "51", *, arrived: bool = False) -> PupilFacts:
    return PupilFacts(stage, grade, "enrolled", province, arrived)


@pytest.mark.parametrize(
    ("pupil", "cohort"),
    [
        (facts("primary", 1), Cohort.GRADE_ONE_ENTRANT),
        (facts("primary", 6), Cohort.GRADUATING),
        (facts("primary", 5), Cohort.MISSING_PHOTO),
        (facts("primary", 5, "31"), Cohort.GRADUATING),
        (facts("primary", 6, "31"), Cohort.MISSING_PHOTO),
        (facts("junior", 9), Cohort.GRADUATING),
        (facts("senior", 12), Cohort.GRADUATING),
        (facts("junior", 8), Cohort.MISSING_PHOTO),
        (facts("junior", 8, arrived=True), Cohort.TRANSFERRED_IN),
        # Being an entrant or graduating comes first, as in the Shanghai notice.
        (facts("primary", 1, arrived=True), Cohort.GRADE_ONE_ENTRANT),
        (facts("special", 6), Cohort.MISSING_PHOTO),
    ],
)
def test_cohort_follows_stage_grade_province_and_arrival(
    pupil: PupilFacts, cohort: Cohort
) -> None:
    assert cohort_of(pupil, FIVE_YEAR) is cohort


def test_a_cohort_pupil_stays_on_the_roster_with_a_photo_others_only_without() -> None:
    assert on_roster("enrolled", Cohort.GRADUATING, has_photo=True)
    assert on_roster("enrolled", Cohort.MISSING_PHOTO, has_photo=False)
    assert not on_roster("enrolled", Cohort.MISSING_PHOTO, has_photo=True)
    assert not on_roster("graduated", Cohort.GRADUATING, has_photo=False)
