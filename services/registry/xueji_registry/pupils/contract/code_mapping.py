"""The registry's code tables mapped onto the contract's enums, in one place."""

from __future__ import annotations

from types import MappingProxyType

from xueji.registry.v1 import pupil_pb2 as pb
from xueji.registry.v1.stage_pb2 import Stage as StageMessage
from xueji_registry.domain.code_tables import DROPOUT_STAGES, PupilStatus, Stage, StatusChangeType
from xueji_registry.pupils.model import RegistrationState

STAGES = MappingProxyType(
    {
        Stage.PRIMARY: StageMessage.STAGE_PRIMARY,
        Stage.JUNIOR: StageMessage.STAGE_JUNIOR_SECONDARY,
        Stage.SENIOR: StageMessage.STAGE_SENIOR_SECONDARY,
        Stage.SPECIAL: StageMessage.STAGE_SPECIAL_EDUCATION,
    }
)

# 辍学 (absent) is an enrolled pupil flagged `left_school`.
STATUSES = MappingProxyType(
    {
        PupilStatus.ENROLLED: pb.PUPIL_STATUS_ENROLLED,
        PupilStatus.SUSPENDED: pb.PUPIL_STATUS_SUSPENDED,
        PupilStatus.ABSENT: pb.PUPIL_STATUS_ENROLLED,
        PupilStatus.WITHDRAWN: pb.PUPIL_STATUS_DROPPED_OUT,
        PupilStatus.DECEASED: pb.PUPIL_STATUS_DECEASED,
        PupilStatus.GRADUATED: pb.PUPIL_STATUS_GRADUATED,
        PupilStatus.COMPLETED: pb.PUPIL_STATUS_COMPLETED,
        PupilStatus.TRANSFERRED_OUT: pb.PUPIL_STATUS_TRANSFERRED_OUT,
    }
)

REGISTRATION_STATES = MappingProxyType(
    {
        RegistrationState.DRAFT: pb.REGISTRATION_STATE_UNREGISTERED,
        RegistrationState.VALIDATED: pb.REGISTRATION_STATE_UNREGISTERED,
        RegistrationState.SUBMITTED: pb.REGISTRATION_STATE_PENDING_REVIEW,
        RegistrationState.RETURNED: pb.REGISTRATION_STATE_RETURNED,
        RegistrationState.REGISTERED: pb.REGISTRATION_STATE_REGISTERED,
    }
)

# code_tables.ID_TYPES codes; None is a pupil without any identity document.
ID_TYPES = MappingProxyType(
    {
        None: pb.ID_DOCUMENT_TYPE_NONE,
        "1": pb.ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,
        "B": pb.ID_DOCUMENT_TYPE_RESIDENT_ID_CARD,  # 户口簿 carries the same citizen number
        "C": pb.ID_DOCUMENT_TYPE_HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
        "6": pb.ID_DOCUMENT_TYPE_HK_MACAO_TRAVEL_PERMIT,
        "7": pb.ID_DOCUMENT_TYPE_HK_MACAO_TRAVEL_PERMIT,
        "8": pb.ID_DOCUMENT_TYPE_TAIWAN_TRAVEL_PERMIT,
        "9": pb.ID_DOCUMENT_TYPE_FOREIGNER_PERMANENT_RESIDENCE,
        "A": pb.ID_DOCUMENT_TYPE_PASSPORT,
        "Z": pb.ID_DOCUMENT_TYPE_UNSPECIFIED,
    }
)

CHANGE_KINDS = MappingProxyType(
    {
        StatusChangeType.SUSPENSION: pb.STATUS_CHANGE_KIND_SUSPENSION,
        StatusChangeType.RESUMPTION: pb.STATUS_CHANGE_KIND_RESUMPTION,
        StatusChangeType.DROPOUT: pb.STATUS_CHANGE_KIND_DROPOUT,
        StatusChangeType.DEATH: pb.STATUS_CHANGE_KIND_DEATH,
        StatusChangeType.GRADUATION: pb.STATUS_CHANGE_KIND_GRADUATION,
        StatusChangeType.COMPLETION: pb.STATUS_CHANGE_KIND_COMPLETION,
        StatusChangeType.REPEAT_GRADE: pb.STATUS_CHANGE_KIND_REPEAT_GRADE,
        StatusChangeType.SKIP_GRADE: pb.STATUS_CHANGE_KIND_SKIP_GRADE,
    }
)


def change_kind_enum(change_type: str, stage: str) -> int:
    """A status change's contract kind; leaving compulsory education is 辍学, not 退学."""
    if change_type == StatusChangeType.DROPOUT and stage not in DROPOUT_STAGES:
        return pb.STATUS_CHANGE_KIND_LEFT_SCHOOL
    return CHANGE_KINDS.get(change_type, pb.STATUS_CHANGE_KIND_UNSPECIFIED)


# Looked up once: an enum wrapper's attributes are found by Python code, on every access.
_STAGE_UNSPECIFIED = StageMessage.STAGE_UNSPECIFIED


def stage_enum(stage: str) -> int:
    return STAGES.get(stage, _STAGE_UNSPECIFIED)


def status_enum(status: str, *, deleted: bool) -> int:
    if deleted:
        return pb.PUPIL_STATUS_DELETED
    return STATUSES.get(status, pb.PUPIL_STATUS_UNSPECIFIED)


def registration_state_enum(state: str) -> int:
    return REGISTRATION_STATES.get(state, pb.REGISTRATION_STATE_UNSPECIFIED)


def id_type_enum(id_type: str | None) -> int:
    return ID_TYPES.get(id_type, pb.ID_DOCUMENT_TYPE_UNSPECIFIED)
