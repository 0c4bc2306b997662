"""The PupilRecord snapshot every pupil event carries, built from a `PupilState`."""

from __future__ import annotations

from collections.abc import Iterable

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.common.v1.field_change_pb2 import FieldChange
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1 import pupil_pb2 as record_pb
from xueji_registry.domain.code_tables import PupilStatus
from xueji_registry.pupils.contract.code_mapping import (
    id_type_enum,
    registration_state_enum,
    stage_enum,
    status_enum,
)
from xueji_registry.pupils.state import PupilState, SchoolRef, StoredReason

Change = tuple[str, str | None, str | None]  # field, old value, new value (as text)


def school_ref(school: SchoolRef) -> OrgRef:
    return OrgRef(
        code=school.code, kind=OrgKind.ORG_KIND_SCHOOL, name=school.name, path=school.path[:-1]
    )


def reason_message(reason: StoredReason) -> record_pb.ProblemReason:
    return record_pb.ProblemReason(
        code=reason.code,
        field=reason.field,
        message=reason.message,
        related_national_number=reason.related_national_number or "",
    )


def record_message(state: PupilState) -> record_pb.PupilRecord:
    updated = Timestamp()
    updated.FromDatetime(state.updated_at)
    return record_pb.PupilRecord(
        pupil_id=str(state.id),
        national_number=state.national_number,
        previous_national_numbers=list(state.previous_national_numbers),
        local_number=state.local_number or "",
        name=state.name,
        gender_code=state.gender or "",
        birth_date=state.birth_date.isoformat() if state.birth_date else "",
        ethnicity_code=state.ethnicity or "",
        nationality_code=state.nationality or "",
        id_type=id_type_enum(state.id_type),
        id_number=state.id_number or "",
        household_registration=record_pb.HouseholdRegistration(
            division_code=state.household_division or "",
            address=state.household_address or "",
            nature_code=state.household_nature or "",
        ),
        address=state.address or "",
        guardians=[
            record_pb.Guardian(
                name=g.name,
                relation=g.relation,
                phone=g.phone or "",
                id_type=id_type_enum(g.id_type) if g.id_type else 0,
                id_number=g.id_number or "",
            )
            for g in state.guardians
        ],
        school=school_ref(state.school),
        class_name=state.school_class.name if state.school_class else "",
        grade=state.grade,
        stage=stage_enum(state.stage),
        enrolment_year=state.enrolment_year,
        graduation_year=state.graduation_year,
        status=status_enum(state.status, deleted=state.deleted),
        registration_state=registration_state_enum(state.registration_state),
        left_school=state.status == PupilStatus.ABSENT,
        inclusive_education=state.inclusive_education,
        disability_category_code=state.disability_category or "",
        problem_reasons=[reason_message(r) for r in state.problem_reasons],
        record_version=state.record_version,
        updated_at=updated,
    )


def field_changes(changes: Iterable[Change]) -> list[FieldChange]:
    return [FieldChange(field=f, old_value=o or "", new_value=n or "") for f, o, n in changes]
