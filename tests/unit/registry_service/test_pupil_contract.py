"""The pupil snapshot in events, and the code tables mapped onto the contract's enums."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.unit.registry_service.samples import ID_MALE, NOW, PUPIL_ID, SCHOOL, TODAY, candidate
from xueji.registry.v1 import pupil_pb2 as pb
from xueji.registry.v1.stage_pb2 import Stage as StageMessage
from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.contracts import event_type
from xueji_registry.domain.code_tables import ID_TYPES, PupilStatus, Stage, StatusChangeType
from xueji_registry.pupils.contract import code_mapping, events
from xueji_registry.pupils.entry.candidates import validate_candidate
from xueji_registry.pupils.entry.drafting import new_state
from xueji_registry.pupils.model import RegistrationState

ACTOR = Principal(
    "a1", "学籍管理员", Role.SCHOOL_REGISTRAR, SCHOOL.code, UnitKind.SCHOOL, SCHOOL.path
)


def test_every_code_has_a_contract_value() -> None:
    assert set(code_mapping.STATUSES) == set(PupilStatus)
    assert set(code_mapping.REGISTRATION_STATES) == set(RegistrationState)
    assert set(ID_TYPES) <= set(code_mapping.ID_TYPES)
    assert code_mapping.status_enum("absent", deleted=False) == pb.PUPIL_STATUS_ENROLLED
    assert code_mapping.status_enum("enrolled", deleted=True) == pb.PUPIL_STATUS_DELETED
    assert code_mapping.stage_enum("junior") == StageMessage.STAGE_JUNIOR_SECONDARY


def test_no_code_goes_out_unspecified() -> None:
    assert set(code_mapping.STAGES) == set(Stage)
    assert StageMessage.STAGE_UNSPECIFIED not in code_mapping.STAGES.values()
    assert pb.PUPIL_STATUS_UNSPECIFIED not in code_mapping.STATUSES.values()
    assert code_mapping.stage_enum("special") == StageMessage.STAGE_SPECIAL_EDUCATION
    assert (
        code_mapping.status_enum("transferred_out", deleted=False)
        == pb.PUPIL_STATUS_TRANSFERRED_OUT
    )


def test_a_special_school_pupil_and_a_transferred_out_record_reach_the_event() -> None:
    validated = validate_candidate(candidate(), school=SCHOOL, today=TODAY)
    state = replace(
        new_state(
            PUPIL_ID,
            validated,
            school=SCHOOL,
            school_class=None,
            national_number="G" + ID_MALE,
            now=NOW,
        ),
        stage="special",
        status="transferred_out",
    )
    record = events.updated(state, ACTOR, []).message.pupil
    assert record.stage == StageMessage.STAGE_SPECIAL_EDUCATION
    assert record.status == pb.PUPIL_STATUS_TRANSFERRED_OUT


@pytest.mark.parametrize(
    ("stage", "kind"),
    [("senior", pb.STATUS_CHANGE_KIND_DROPOUT), ("junior", pb.STATUS_CHANGE_KIND_LEFT_SCHOOL)],
)
def test_leaving_compulsory_education_is_not_a_dropout(stage: str, kind: int) -> None:
    assert code_mapping.change_kind_enum(StatusChangeType.DROPOUT, stage) == kind


def test_events_carry_the_full_snapshot_and_the_catalog_key() -> None:
    validated = validate_candidate(candidate(), school=SCHOOL, today=TODAY)
    state = replace(
        new_state(
            PUPIL_ID,
            validated,
            school=SCHOOL,
            school_class=None,
            national_number="G" + ID_MALE,
            now=NOW,
        ),
        status="absent",
        record_version=7,
    )
    event = events.updated(state, ACTOR, [("address", None, "青浦区")])
    assert event_type(event.type).key_of(event.message) == "G" + ID_MALE == event.key
    record = event.message.pupil
    assert record.record_version == 7 and record.left_school
    assert record.school.path == list(SCHOOL.path[:-1]) and record.birth_date == "2019-03-15"
    assert record.id_type == pb.ID_DOCUMENT_TYPE_RESIDENT_ID_CARD
    assert [(c.field, c.old_value, c.new_value) for c in event.message.changes] == [
        ("address", "", "青浦区")
    ]
