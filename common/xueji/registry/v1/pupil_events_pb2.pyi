from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import field_change_pb2 as _field_change_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.registry.v1 import pupil_pb2 as _pupil_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProblemResolution(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PROBLEM_RESOLUTION_UNSPECIFIED: _ClassVar[ProblemResolution]
    PROBLEM_RESOLUTION_CORRECTED: _ClassVar[ProblemResolution]
    PROBLEM_RESOLUTION_PROOF_ACCEPTED: _ClassVar[ProblemResolution]
    PROBLEM_RESOLUTION_DELETED: _ClassVar[ProblemResolution]
PROBLEM_RESOLUTION_UNSPECIFIED: ProblemResolution
PROBLEM_RESOLUTION_CORRECTED: ProblemResolution
PROBLEM_RESOLUTION_PROOF_ACCEPTED: ProblemResolution
PROBLEM_RESOLUTION_DELETED: ProblemResolution

class PupilCreated(_message.Message):
    __slots__ = ("pupil", "actor", "import_batch_id")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    IMPORT_BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    import_batch_id: str
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., import_batch_id: _Optional[str] = ...) -> None: ...

class PupilUpdated(_message.Message):
    __slots__ = ("pupil", "actor", "changes")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ...) -> None: ...

class PupilProblemDetected(_message.Message):
    __slots__ = ("pupil", "actor", "reasons")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    reasons: _containers.RepeatedCompositeFieldContainer[_pupil_pb2.ProblemReason]
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reasons: _Optional[_Iterable[_Union[_pupil_pb2.ProblemReason, _Mapping]]] = ...) -> None: ...

class PupilProblemResolved(_message.Message):
    __slots__ = ("pupil", "actor", "resolution", "resolved_reasons", "evidence_document_ids")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_REASONS_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    resolution: ProblemResolution
    resolved_reasons: _containers.RepeatedCompositeFieldContainer[_pupil_pb2.ProblemReason]
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., resolution: _Optional[_Union[ProblemResolution, str]] = ..., resolved_reasons: _Optional[_Iterable[_Union[_pupil_pb2.ProblemReason, _Mapping]]] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PupilRegistered(_message.Message):
    __slots__ = ("pupil", "actor", "submission_id", "school_year")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_YEAR_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    submission_id: str
    school_year: int
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., submission_id: _Optional[str] = ..., school_year: _Optional[int] = ...) -> None: ...

class PupilStatusChanged(_message.Message):
    __slots__ = ("pupil", "actor", "status_change_id", "kind", "previous_status", "reason", "effective_date", "evidence_document_ids", "requested_by")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    STATUS_CHANGE_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    status_change_id: str
    kind: _pupil_pb2.StatusChangeKind
    previous_status: _pupil_pb2.PupilStatus
    reason: str
    effective_date: str
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    requested_by: _actor_pb2.Actor
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., status_change_id: _Optional[str] = ..., kind: _Optional[_Union[_pupil_pb2.StatusChangeKind, str]] = ..., previous_status: _Optional[_Union[_pupil_pb2.PupilStatus, str]] = ..., reason: _Optional[str] = ..., effective_date: _Optional[str] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ..., requested_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class PupilTransferredOut(_message.Message):
    __slots__ = ("pupil", "actor", "transfer_id", "sending_school", "receiving_school")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    SENDING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    RECEIVING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    transfer_id: str
    sending_school: _org_pb2.OrgRef
    receiving_school: _org_pb2.OrgRef
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., transfer_id: _Optional[str] = ..., sending_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., receiving_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ...) -> None: ...

class PupilTransferredIn(_message.Message):
    __slots__ = ("pupil", "actor", "transfer_id", "sending_school", "receiving_school")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    SENDING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    RECEIVING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    transfer_id: str
    sending_school: _org_pb2.OrgRef
    receiving_school: _org_pb2.OrgRef
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., transfer_id: _Optional[str] = ..., sending_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., receiving_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ...) -> None: ...

class PupilCorrected(_message.Message):
    __slots__ = ("pupil", "actor", "correction_id", "changes", "reason", "evidence_document_ids", "requested_by")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CORRECTION_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    actor: _actor_pb2.Actor
    correction_id: str
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    reason: str
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    requested_by: _actor_pb2.Actor
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., correction_id: _Optional[str] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ..., reason: _Optional[str] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ..., requested_by: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...
