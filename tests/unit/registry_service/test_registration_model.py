"""Who can be submitted for registration."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.registry_service.samples import ID_MALE, NOW, PUPIL_ID, SCHOOL, TODAY, candidate
from xueji_registry.pupils.entry.candidates import validate_candidate
from xueji_registry.pupils.entry.drafting import new_state
from xueji_registry.pupils.state import PupilState
from xueji_registry.registration.model import refusals


def _state(**changes: object) -> PupilState:
    validated = validate_candidate(candidate(), school=SCHOOL, today=TODAY)
    state = new_state(
        PUPIL_ID,
        validated,
        school=SCHOOL,
        school_class=None,
        national_number="G" + ID_MALE,
        now=NOW,
    )
    return replace(state, **changes)


def test_validated_returned_and_suspended_pupils_can_be_submitted() -> None:
    assert refusals(_state(), 2026) == []
    assert refusals(_state(registration_state="returned"), 2026) == []
    assert refusals(_state(status="suspended"), 2026) == []


def test_registered_pupils_register_again_in_a_new_school_year_only() -> None:
    registered = _state(registration_state="registered", registration_year=2025)
    assert refusals(registered, 2026) == []
    assert refusals(replace(registered, registration_year=2026), 2026) == ["2026学年已注册"]


def test_problem_deleted_inactive_and_submitted_records_are_refused_with_reasons() -> None:
    validated = validate_candidate(candidate(gender="2"), school=SCHOOL, today=TODAY)
    problem = _state(problem_reasons=validated.reasons, registration_state="draft")
    assert refusals(problem, 2026) == [validated.reasons[0].message]
    assert refusals(_state(deleted=True), 2026) == ["学籍已删除"]
    assert refusals(_state(status="graduated"), 2026) == ["学籍状态为“毕业”，不能注册"]
    assert refusals(_state(registration_state="submitted"), 2026) == ["已在待审核的上报批次中"]
