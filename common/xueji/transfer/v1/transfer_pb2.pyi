import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransferStep(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TRANSFER_STEP_UNSPECIFIED: _ClassVar[TransferStep]
    TRANSFER_STEP_RECEIVING_SCHOOL_REVIEW: _ClassVar[TransferStep]
    TRANSFER_STEP_RECEIVING_BUREAU_REVIEW: _ClassVar[TransferStep]
    TRANSFER_STEP_SENDING_SCHOOL_REVIEW: _ClassVar[TransferStep]
    TRANSFER_STEP_SENDING_BUREAU_REVIEW: _ClassVar[TransferStep]
    TRANSFER_STEP_COMMON_BUREAU_REVIEW: _ClassVar[TransferStep]
    TRANSFER_STEP_ADMISSION: _ClassVar[TransferStep]
    TRANSFER_STEP_PAPER_FILE_DISPATCH: _ClassVar[TransferStep]
    TRANSFER_STEP_PAPER_FILE_RECEIPT: _ClassVar[TransferStep]
TRANSFER_STEP_UNSPECIFIED: TransferStep
TRANSFER_STEP_RECEIVING_SCHOOL_REVIEW: TransferStep
TRANSFER_STEP_RECEIVING_BUREAU_REVIEW: TransferStep
TRANSFER_STEP_SENDING_SCHOOL_REVIEW: TransferStep
TRANSFER_STEP_SENDING_BUREAU_REVIEW: TransferStep
TRANSFER_STEP_COMMON_BUREAU_REVIEW: TransferStep
TRANSFER_STEP_ADMISSION: TransferStep
TRANSFER_STEP_PAPER_FILE_DISPATCH: TransferStep
TRANSFER_STEP_PAPER_FILE_RECEIPT: TransferStep

class TransferParties(_message.Message):
    __slots__ = ("pupil_id", "pupil_national_number", "pupil_name", "sending_school", "receiving_school")
    PUPIL_ID_FIELD_NUMBER: _ClassVar[int]
    PUPIL_NATIONAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PUPIL_NAME_FIELD_NUMBER: _ClassVar[int]
    SENDING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    RECEIVING_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    pupil_id: str
    pupil_national_number: str
    pupil_name: str
    sending_school: _org_pb2.OrgRef
    receiving_school: _org_pb2.OrgRef
    def __init__(self, pupil_id: _Optional[str] = ..., pupil_national_number: _Optional[str] = ..., pupil_name: _Optional[str] = ..., sending_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., receiving_school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ...) -> None: ...

class StepApproval(_message.Message):
    __slots__ = ("step", "actor", "decided_at")
    STEP_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    step: TransferStep
    actor: _actor_pb2.Actor
    decided_at: _timestamp_pb2.Timestamp
    def __init__(self, step: _Optional[_Union[TransferStep, str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
