"""Pupil events as the contract (xueji.registry.v1) describes them; key = national number."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from google.protobuf.timestamp_pb2 import Timestamp

from xueji.common.v1.field_change_pb2 import FieldChange
from xueji.common.v1.org_pb2 import OrgKind, OrgRef
from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji.registry.v1 import pupil_pb2 as record_pb
from xueji_common.auth.principal import Principal
from xueji_common.events.actors import actor_of
from xueji_common.events.outgoing import OutgoingEvent
from xueji_registry.domain.code_tables import PupilStatus
from xueji_registry.pupils.code_mapping import (
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


def _event(kind: str, state: PupilState, message: object) -> OutgoingEvent:
    return OutgoingEvent(
        type=kind, key=state.national_number, message=message, subject=str(state.id)
    )


def created(state: PupilState, actor: Principal, *, import_batch_id: str | None) -> OutgoingEvent:
    message = pb.PupilCreated(
        pupil=record_message(state), actor=actor_of(actor), import_batch_id=import_batch_id or ""
    )
    return _event("pupil.created", state, message)


def updated(state: PupilState, actor: Principal, changes: Sequence[Change]) -> OutgoingEvent:
    message = pb.PupilUpdated(
        pupil=record_message(state), actor=actor_of(actor), changes=field_changes(changes)
    )
    return _event("pupil.updated", state, message)


def problem_detected(
    state: PupilState, actor: Principal, reasons: Sequence[StoredReason]
) -> OutgoingEvent:
    message = pb.PupilProblemDetected(
        pupil=record_message(state),
        actor=actor_of(actor),
        reasons=[reason_message(r) for r in reasons],
    )
    return _event("pupil.problem_detected", state, message)


def problem_resolved(
    state: PupilState,
    actor: Principal,
    resolved: Sequence[StoredReason],
    *,
    resolution: int = pb.PROBLEM_RESOLUTION_CORRECTED,
    evidence_document_ids: Sequence[str] = (),
) -> OutgoingEvent:
    message = pb.PupilProblemResolved(
        pupil=record_message(state),
        actor=actor_of(actor),
        resolution=resolution,
        resolved_reasons=[reason_message(r) for r in resolved],
        evidence_document_ids=list(evidence_document_ids),
    )
    return _event("pupil.problem_resolved", state, message)


def registered(
    state: PupilState, actor: Principal, *, submission_id: str, school_year: int
) -> OutgoingEvent:
    message = pb.PupilRegistered(
        pupil=record_message(state),
        actor=actor_of(actor),
        submission_id=submission_id,
        school_year=school_year,
    )
    return _event("pupil.registered", state, message)


def corrected(
    state: PupilState,
    actor: Principal,
    *,
    correction_id: str,
    changes: Sequence[Change],
    reason: str,
    evidence_document_ids: Sequence[str],
    requested_by: object,
) -> OutgoingEvent:
    message = pb.PupilCorrected(
        pupil=record_message(state),
        actor=actor_of(actor),
        correction_id=correction_id,
        changes=field_changes(changes),
        reason=reason,
        evidence_document_ids=list(evidence_document_ids),
        requested_by=requested_by,
    )
    return _event("pupil.corrected", state, message)


def transferred(
    state: PupilState, actor: Principal, *, transfer_id: str, sending: SchoolRef
) -> list[OutgoingEvent]:
    """pupil.transferred_out then pupil.transferred_in, both showing the record after the move."""
    common = {
        "pupil": record_message(state),
        "actor": actor_of(actor),
        "transfer_id": transfer_id,
        "sending_school": school_ref(sending),
        "receiving_school": school_ref(state.school),
    }
    return [
        _event("pupil.transferred_out", state, pb.PupilTransferredOut(**common)),
        _event("pupil.transferred_in", state, pb.PupilTransferredIn(**common)),
    ]
