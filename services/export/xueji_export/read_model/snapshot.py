"""A pupil's exportable fields as one registry event tells them (pure).

Every pupil.* event carries the whole record, so one event gives every registry-sourced
catalogue field; the newest record version wins. Photo and transfer facts arrive on their
own topics and are guarded by their own event times (see `read_model/merging.py`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from xueji.registry.v1 import pupil_pb2, stage_pb2
from xueji.registry.v1.pupil_pb2 import PupilRecord
from xueji_common.auth.principal import scope_path


def _code(enum: EnumTypeWrapper, value: int, prefix: str) -> str | None:
    if value == 0:
        return None
    return enum.Name(value).removeprefix(prefix)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _text(value: str) -> str | None:
    return value or None


def registry_values(record: PupilRecord, at: datetime) -> dict[str, Any]:
    """The read-model columns one PupilRecord fills (the registry-sourced catalogue fields,
    the pupil's scope and its record version)."""
    school = record.school
    household = record.household_registration
    guardian = record.guardians[0] if record.guardians else None
    return {
        "pupil_id": record.pupil_id,
        "unit_path": scope_path([*school.path, school.code]),
        "record_version": record.record_version,
        "record_updated_at": record.updated_at.ToDatetime(UTC)
        if record.HasField("updated_at")
        else at,
        "school_code": _text(school.code),
        "school_name": _text(school.name),
        "stage": _code(stage_pb2.Stage, record.stage, "STAGE_"),
        "grade": record.grade or None,
        "class_name": _text(record.class_name),
        "enrolment_year": record.enrolment_year or None,
        "graduation_year": record.graduation_year or None,
        "status": _code(pupil_pb2.PupilStatus, record.status, "PUPIL_STATUS_"),
        "registration_state": _code(
            pupil_pb2.RegistrationState, record.registration_state, "REGISTRATION_STATE_"
        ),
        "left_school": record.left_school,
        "national_number": _text(record.national_number),
        "local_number": _text(record.local_number),
        "name": _text(record.name),
        "gender_code": _text(record.gender_code),
        "birth_date": _date(record.birth_date),
        "ethnicity_code": _text(record.ethnicity_code),
        "nationality_code": _text(record.nationality_code),
        "id_type": _code(pupil_pb2.IdDocumentType, record.id_type, "ID_DOCUMENT_TYPE_"),
        "id_number": _text(record.id_number),
        "household_division_code": _text(household.division_code),
        "household_nature_code": _text(household.nature_code),
        "household_address": _text(household.address),
        "address": _text(record.address),
        "inclusive_education": record.inclusive_education,
        "disability_category_code": _text(record.disability_category_code),
        "guardian_name": _text(guardian.name) if guardian else None,
        "guardian_relation": _text(guardian.relation) if guardian else None,
        "guardian_phone": _text(guardian.phone) if guardian else None,
        "guardian_id_number": _text(guardian.id_number) if guardian else None,
    }
