"""Building record versions from validated candidates, and what changed between them."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.registry_service.samples import (
    ID_MALE,
    NOW,
    PUPIL_ID,
    SCHOOL,
    TODAY,
    candidate,
)
from xueji_registry.pupils.entry.candidates import validate_candidate
from xueji_registry.pupils.entry.drafting import (
    candidate_of,
    duplicate_reason,
    national_number_for,
    new_state,
    next_state,
    temporary_prefix_for,
)
from xueji_registry.pupils.holders import Holder
from xueji_registry.pupils.state import StoredReason
from xueji_registry.pupils.writing.changes import field_changes, reason_delta


def _validated(**changes: object):
    return validate_candidate(candidate(**changes), school=SCHOOL, today=TODAY)


def test_a_valid_unique_id_gives_a_g_number_otherwise_none() -> None:
    assert national_number_for(_validated(), id_conflict=False) == "G" + ID_MALE
    assert national_number_for(_validated(), id_conflict=True) is None
    assert national_number_for(_validated(id_number=None, id_type=None), id_conflict=False) is None


def test_temporary_numbers_use_the_schools_county_and_the_birth_date() -> None:
    assert temporary_prefix_for(_validated(), SCHOOL) == "L31011820190315"
    undated = _validated(birth_date=None, grade=3, enrolment_year=2024)
    assert temporary_prefix_for(undated, SCHOOL, "J") == "J31011820180101"


def test_a_new_record_is_validated_or_draft_by_its_reasons() -> None:
    state = new_state(
        PUPIL_ID,
        _validated(),
        school=SCHOOL,
        school_class=None,
        national_number="G" + ID_MALE,
        now=NOW,
    )
    assert state.registration_state == "validated" and state.record_version == 1
    assert candidate_of(state) == _validated().values
    problem = new_state(
        PUPIL_ID,
        _validated(gender="2"),
        school=SCHOOL,
        school_class=None,
        national_number="L310118201903150011",
        now=NOW,
    )
    assert problem.registration_state == "draft" and problem.problem


def test_the_next_version_keeps_lifecycle_fields_and_remembers_the_old_number() -> None:
    old = replace(
        new_state(
            PUPIL_ID,
            _validated(gender="2"),
            school=SCHOOL,
            school_class=None,
            national_number="L310118201903150011",
            now=NOW,
        ),
        status="suspended",
        open_case_id="T-1",
        record_version=4,
    )
    new = next_state(old, _validated(), school_class=None, national_number="G" + ID_MALE)
    assert new.previous_national_numbers == ("L310118201903150011",)
    assert (new.status, new.open_case_id, new.record_version) == ("suspended", "T-1", 4)
    assert new.registration_state == "validated"
    changes = {name: (before, after) for name, before, after in field_changes(old, new)}
    assert changes == {
        "national_number": ("L310118201903150011", "G" + ID_MALE),
        "gender_code": ("2", "1"),
        "registration_state": ("draft", "validated"),
    }
    delta = reason_delta(old.problem_reasons, new.problem_reasons)
    assert [r.code for r in delta.resolved] == ["GENDER_MISMATCH"] and delta.detected == ()


def test_the_duplicate_reason_names_the_holder() -> None:
    holder = Holder(ID_MALE, PUPIL_ID, "G" + ID_MALE, SCHOOL.code, SCHOOL.name)
    reason = duplicate_reason(holder)
    assert reason.code == "ID_NUMBER_DUPLICATE" and SCHOOL.name in reason.message
    assert (reason.value, reason.related_national_number) == (ID_MALE, "G" + ID_MALE)
    assert StoredReason.from_json(reason.to_json()) == reason
