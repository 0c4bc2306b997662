"""Who is asked for a photo and why (SPEC §6): pure rules over what the events say of a pupil."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from xueji.photo.v1.photo_pb2 import PhotoCohort
from xueji.registry.v1.pupil_pb2 import PupilStatus
from xueji.registry.v1.stage_pb2 import Stage

# Grades are counted from primary 1: junior 3 is grade 9, senior 3 grade 12.
JUNIOR_FINAL_GRADE = 9
SENIOR_FINAL_GRADE = 12
PRIMARY_FINAL_GRADE = 6
FIVE_YEAR_PRIMARY_FINAL_GRADE = 5


class Cohort(StrEnum):
    GRADE_ONE_ENTRANT = "grade_one_entrant"
    GRADUATING = "graduating"
    TRANSFERRED_IN = "transferred_in"
    # Any other pupil: asked only while they have no accepted photo.
    MISSING_PHOTO = "missing_photo"


COHORT_ENUM = {
    Cohort.GRADE_ONE_ENTRANT: PhotoCohort.PHOTO_COHORT_GRADE_ONE_ENTRANT,
    Cohort.GRADUATING: PhotoCohort.PHOTO_COHORT_GRADUATING,
    Cohort.TRANSFERRED_IN: PhotoCohort.PHOTO_COHORT_TRANSFERRED_IN,
    Cohort.MISSING_PHOTO: PhotoCohort.PHOTO_COHORT_MISSING_PHOTO,
}

STAGE_NAMES = {
    Stage.STAGE_PRIMARY: "primary",
    Stage.STAGE_JUNIOR_SECONDARY: "junior",
    Stage.STAGE_SENIOR_SECONDARY: "senior",
    Stage.STAGE_SPECIAL_EDUCATION: "special",
}
ENROLLED = "enrolled"
STATUS_NAMES = {
    PupilStatus.PUPIL_STATUS_ENROLLED: ENROLLED,
    PupilStatus.PUPIL_STATUS_SUSPENDED: "suspended",
    PupilStatus.PUPIL_STATUS_DROPPED_OUT: "dropped_out",
    PupilStatus.PUPIL_STATUS_DECEASED: "deceased",
    PupilStatus.PUPIL_STATUS_GRADUATED: "graduated",
    PupilStatus.PUPIL_STATUS_COMPLETED: "completed",
    PupilStatus.PUPIL_STATUS_DELETED: "deleted",
    PupilStatus.PUPIL_STATUS_TRANSFERRED_OUT: "transferred_out",
}


@dataclass(frozen=True)
class PupilFacts:
    """What the roster knows of a pupil; `province_code` is their school's province."""

    stage: str
    grade: int
    status: str
    province_code: str
    arrived_from_other_province: bool


def graduating_grade(stage: str, province_code: str, five_year_primary: frozenset[str]) -> int:
    """The final grade of a stage; primary has five grades in the five-year provinces."""
    if stage == "junior":
        return JUNIOR_FINAL_GRADE
    if stage == "senior":
        return SENIOR_FINAL_GRADE
    if province_code in five_year_primary:
        return FIVE_YEAR_PRIMARY_FINAL_GRADE
    return PRIMARY_FINAL_GRADE


def cohort_of(facts: PupilFacts, five_year_primary: frozenset[str]) -> Cohort:
    """The first cohort that applies, in the order the Shanghai notice lists them."""
    if facts.stage == "primary" and facts.grade == 1:
        return Cohort.GRADE_ONE_ENTRANT
    final = graduating_grade(facts.stage, facts.province_code, five_year_primary)
    if facts.stage in ("primary", "junior", "senior") and facts.grade == final:
        return Cohort.GRADUATING
    if facts.arrived_from_other_province:
        return Cohort.TRANSFERRED_IN
    return Cohort.MISSING_PHOTO


def on_roster(status: str, cohort: Cohort, has_photo: bool) -> bool:
    """Whether the school sees the pupil on its photo roster: enrolled pupils of a cohort, with
    or without a photo, and every other enrolled pupil still without one."""
    return status == ENROLLED and (cohort is not Cohort.MISSING_PHOTO or not has_photo)
