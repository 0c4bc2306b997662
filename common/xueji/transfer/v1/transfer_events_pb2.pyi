import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.common.v1 import review_pb2 as _review_pb2
from xueji.transfer.v1 import transfer_pb2 as _transfer_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransferFiled(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "target_grade", "target_class_name", "reason", "evidence_document_ids", "planned_steps")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    TARGET_GRADE_FIELD_NUMBER: _ClassVar[int]
    TARGET_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    PLANNED_STEPS_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    target_grade: int
    target_class_name: str
    reason: str
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    planned_steps: _containers.RepeatedScalarFieldContainer[_transfer_pb2.TransferStep]
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., target_grade: _Optional[int] = ..., target_class_name: _Optional[str] = ..., reason: _Optional[str] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ..., planned_steps: _Optional[_Iterable[_Union[_transfer_pb2.TransferStep, str]]] = ...) -> None: ...

class TransferStepOpened(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "assignee", "deadline", "opened_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    assignee: _org_pb2.OrgRef
    deadline: _review_pb2.Deadline
    opened_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., assignee: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ..., opened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferStepDecided(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "actor", "decision", "reason", "decided_at", "province_decision_id")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    PROVINCE_DECISION_ID_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    actor: _actor_pb2.Actor
    decision: _review_pb2.Decision
    reason: str
    decided_at: _timestamp_pb2.Timestamp
    province_decision_id: str
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., decision: _Optional[_Union[_review_pb2.Decision, str]] = ..., reason: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., province_decision_id: _Optional[str] = ...) -> None: ...

class TransferStepOverdue(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "assignee", "deadline", "escalated_to")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_TO_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    assignee: _org_pb2.OrgRef
    deadline: _review_pb2.Deadline
    escalated_to: _org_pb2.OrgRef
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., assignee: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ..., escalated_to: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ...) -> None: ...

class TransferEscalated(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "escalated_from", "escalated_to", "escalation_level", "deadline")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FROM_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_TO_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_LEVEL_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    escalated_from: _org_pb2.OrgRef
    escalated_to: _org_pb2.OrgRef
    escalation_level: int
    deadline: _review_pb2.Deadline
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., escalated_from: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., escalated_to: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., escalation_level: _Optional[int] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ...) -> None: ...

class TransferRefused(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "actor", "reason")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    actor: _actor_pb2.Actor
    reason: str
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class TransferWithdrawn(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "reason", "open_step")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    OPEN_STEP_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    reason: str
    open_step: _transfer_pb2.TransferStep
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reason: _Optional[str] = ..., open_step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ...) -> None: ...

class TransferApproved(_message.Message):
    __slots__ = ("transfer_id", "parties", "approvals")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    APPROVALS_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    approvals: _containers.RepeatedCompositeFieldContainer[_transfer_pb2.StepApproval]
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., approvals: _Optional[_Iterable[_Union[_transfer_pb2.StepApproval, _Mapping]]] = ...) -> None: ...

class TransferRecordMoved(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "moved_at", "pupil_record_version")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    MOVED_AT_FIELD_NUMBER: _ClassVar[int]
    PUPIL_RECORD_VERSION_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    moved_at: _timestamp_pb2.Timestamp
    pupil_record_version: int
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., moved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., pupil_record_version: _Optional[int] = ...) -> None: ...

class TransferPaperFileSent(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "method", "tracking_number", "sent_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    method: str
    tracking_number: str
    sent_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., method: _Optional[str] = ..., tracking_number: _Optional[str] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferPaperFileReceived(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "received_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    received_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., received_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferCompleted(_message.Message):
    __slots__ = ("transfer_id", "parties", "completed_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    completed_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferDeadlineRecomputed(_message.Message):
    __slots__ = ("transfer_id", "parties", "step", "assignee", "deadline")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    step: _transfer_pb2.TransferStep
    assignee: _org_pb2.OrgRef
    deadline: _review_pb2.Deadline
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., assignee: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., deadline: _Optional[_Union[_review_pb2.Deadline, _Mapping]] = ...) -> None: ...

class TransferArrivalReported(_message.Message):
    __slots__ = ("transfer_id", "parties", "actor", "reported_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    actor: _actor_pb2.Actor
    reported_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferSendingSchoolNotified(_message.Message):
    __slots__ = ("transfer_id", "parties", "notified", "notified_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    NOTIFIED_FIELD_NUMBER: _ClassVar[int]
    NOTIFIED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    notified: _org_pb2.OrgRef
    notified_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., notified: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., notified_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferFailed(_message.Message):
    __slots__ = ("transfer_id", "parties", "code", "message", "failed_at")
    TRANSFER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FAILED_AT_FIELD_NUMBER: _ClassVar[int]
    transfer_id: str
    parties: _transfer_pb2.TransferParties
    code: str
    message: str
    failed_at: _timestamp_pb2.Timestamp
    def __init__(self, transfer_id: _Optional[str] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., code: _Optional[str] = ..., message: _Optional[str] = ..., failed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
