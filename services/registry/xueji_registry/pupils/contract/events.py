"""Pupil events as the contract (xueji.registry.v1) describes them; key = national number."""

from __future__ import annotations

from collections.abc import Sequence

from xueji.common.v1.actor_pb2 import Actor
from xueji.registry.v1 import pupil_events_pb2 as pb
from xueji_common.auth.principal import Principal
from xueji_common.events.actors import actor_of
from xueji_common.events.outgoing import OutgoingEvent
from xueji_registry.pupils.contract.code_mapping import status_enum
from xueji_registry.pupils.contract.snapshot import (
    Change,
    field_changes,
    reason_message,
    record_message,
    school_ref,
)
from xueji_registry.pupils.state import PupilState, SchoolRef, StoredReason


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
    requested_by: Actor,
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


def status_changed(
    state: PupilState,
    actor: Principal,
    *,
    status_change_id: str,
    kind: int,
    previous_status: str,
    reason: str,
    effective_date: str,
    evidence_document_ids: Sequence[str],
    requested_by: Actor,
) -> OutgoingEvent:
    """pupil.status_changed; `kind` from code_mapping.change_kind_enum, the date YYYY-MM-DD."""
    message = pb.PupilStatusChanged(
        pupil=record_message(state),
        actor=actor_of(actor),
        status_change_id=status_change_id,
        kind=kind,
        previous_status=status_enum(previous_status, deleted=False),
        reason=reason,
        effective_date=effective_date,
        evidence_document_ids=list(evidence_document_ids),
        requested_by=requested_by,
    )
    return _event("pupil.status_changed", state, message)
