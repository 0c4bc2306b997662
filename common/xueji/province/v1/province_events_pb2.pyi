import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import field_change_pb2 as _field_change_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.common.v1 import review_pb2 as _review_pb2
from xueji.province.v1 import province_pb2 as _province_pb2
from xueji.registry.v1 import pupil_pb2 as _pupil_pb2
from xueji.transfer.v1 import transfer_pb2 as _transfer_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProvinceStepPending(_message.Message):
    __slots__ = ("case_id", "case_kind", "province_code", "assignee", "deadline", "opened_at", "pupil", "transfer", "status_change")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_KIND_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_FIELD_NUMBER: _ClassVar[int]
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_FIELD_NUMBER: _ClassVar[int]
    STATUS_CHANGE_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    case_kind: _province_pb2.CaseKind
    province_code: str
    assignee: _org_pb2.OrgRef
    deadline: _review_pb2.Deadline
    opened_at: _timestamp_pb2.Timestamp
    pupil: _pupil_pb2.PupilRecord
    transfer: _province_pb2.TransferStepNotice
    status_change: _province_pb2.StatusChangeNotice
    def __init__(self, case_id: _Optional[str] = ..., case_kind: _Optional[_Union[_province_pb2.CaseKind, str]] = ..., province_code: _Optional[str] = ..., assignee: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ..., opened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., transfer: _Optional[_Union[_province_pb2.TransferStepNotice, _Mapping]] = ..., status_change: _Optional[_Union[_province_pb2.StatusChangeNotice, _Mapping]] = ...) -> None: ...

class ProvinceDecision(_message.Message):
    __slots__ = ("province_decision_id", "case_id", "case_kind", "transfer_step", "decision", "reason", "decided_by", "decided_by_unit_code", "decided_at", "province_code", "paper_file_method", "paper_file_tracking")
    PROVINCE_DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_KIND_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_STEP_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_UNIT_CODE_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    PAPER_FILE_METHOD_FIELD_NUMBER: _ClassVar[int]
    PAPER_FILE_TRACKING_FIELD_NUMBER: _ClassVar[int]
    province_decision_id: str
    case_id: str
    case_kind: _province_pb2.CaseKind
    transfer_step: _transfer_pb2.TransferStep
    decision: _review_pb2.Decision
    reason: str
    decided_by: str
    decided_by_unit_code: str
    decided_at: _timestamp_pb2.Timestamp
    province_code: str
    paper_file_method: str
    paper_file_tracking: str
    def __init__(self, province_decision_id: _Optional[str] = ..., case_id: _Optional[str] = ..., case_kind: _Optional[_Union[_province_pb2.CaseKind, str]] = ..., transfer_step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., decision: _Optional[_Union[_review_pb2.Decision, str]] = ..., reason: _Optional[str] = ..., decided_by: _Optional[str] = ..., decided_by_unit_code: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., province_code: _Optional[str] = ..., paper_file_method: _Optional[str] = ..., paper_file_tracking: _Optional[str] = ...) -> None: ...

class ProvinceCaseChanged(_message.Message):
    __slots__ = ("case_id", "case_kind", "province_code", "change_type", "source_event_id", "state", "transfer_step", "actor", "decision", "reason", "deadline", "escalated_to", "occurred_at", "parties")
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_KIND_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    TRANSFER_STEP_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_TO_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    case_id: str
    case_kind: _province_pb2.CaseKind
    province_code: str
    change_type: str
    source_event_id: str
    state: str
    transfer_step: _transfer_pb2.TransferStep
    actor: _actor_pb2.Actor
    decision: _review_pb2.Decision
    reason: str
    deadline: _review_pb2.Deadline
    escalated_to: _org_pb2.OrgRef
    occurred_at: _timestamp_pb2.Timestamp
    parties: _transfer_pb2.TransferParties
    def __init__(self, case_id: _Optional[str] = ..., case_kind: _Optional[_Union[_province_pb2.CaseKind, str]] = ..., province_code: _Optional[str] = ..., change_type: _Optional[str] = ..., source_event_id: _Optional[str] = ..., state: _Optional[str] = ..., transfer_step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., decision: _Optional[_Union[_review_pb2.Decision, str]] = ..., reason: _Optional[str] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ..., escalated_to: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ...) -> None: ...

class ProvincePupilChanged(_message.Message):
    __slots__ = ("pupil", "change_type", "source_event_id", "changes", "actor")
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    pupil: _pupil_pb2.PupilRecord
    change_type: str
    source_event_id: str
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    actor: _actor_pb2.Actor
    def __init__(self, pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., change_type: _Optional[str] = ..., source_event_id: _Optional[str] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class ProvincePupilReported(_message.Message):
    __slots__ = ("province_change_id", "province_code", "province_pupil_id", "change_type", "pupil", "changes", "status_change_kind", "changed_by", "changed_by_unit_code", "changed_at")
    PROVINCE_CHANGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_PUPIL_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGE_TYPE_FIELD_NUMBER: _ClassVar[int]
    PUPIL_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    STATUS_CHANGE_KIND_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_UNIT_CODE_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    province_change_id: str
    province_code: str
    province_pupil_id: str
    change_type: str
    pupil: _pupil_pb2.PupilRecord
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    status_change_kind: _pupil_pb2.StatusChangeKind
    changed_by: str
    changed_by_unit_code: str
    changed_at: _timestamp_pb2.Timestamp
    def __init__(self, province_change_id: _Optional[str] = ..., province_code: _Optional[str] = ..., province_pupil_id: _Optional[str] = ..., change_type: _Optional[str] = ..., pupil: _Optional[_Union[_pupil_pb2.PupilRecord, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ..., status_change_kind: _Optional[_Union[_pupil_pb2.StatusChangeKind, str]] = ..., changed_by: _Optional[str] = ..., changed_by_unit_code: _Optional[str] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
