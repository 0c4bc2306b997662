from xueji.registry.v1 import pupil_pb2 as _pupil_pb2
from xueji.transfer.v1 import transfer_pb2 as _transfer_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CaseKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CASE_KIND_UNSPECIFIED: _ClassVar[CaseKind]
    CASE_KIND_TRANSFER: _ClassVar[CaseKind]
    CASE_KIND_STATUS_CHANGE: _ClassVar[CaseKind]
CASE_KIND_UNSPECIFIED: CaseKind
CASE_KIND_TRANSFER: CaseKind
CASE_KIND_STATUS_CHANGE: CaseKind

class TransferStepNotice(_message.Message):
    __slots__ = ("step", "parties", "target_grade", "target_class_name", "reason", "evidence_document_ids")
    STEP_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    TARGET_GRADE_FIELD_NUMBER: _ClassVar[int]
    TARGET_CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    step: _transfer_pb2.TransferStep
    parties: _transfer_pb2.TransferParties
    target_grade: int
    target_class_name: str
    reason: str
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, step: _Optional[_Union[_transfer_pb2.TransferStep, str]] = ..., parties: _Optional[_Union[_transfer_pb2.TransferParties, _Mapping]] = ..., target_grade: _Optional[int] = ..., target_class_name: _Optional[str] = ..., reason: _Optional[str] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class StatusChangeNotice(_message.Message):
    __slots__ = ("kind", "reason", "effective_date", "evidence_document_ids")
    KIND_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_DATE_FIELD_NUMBER: _ClassVar[int]
    EVIDENCE_DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    kind: _pupil_pb2.StatusChangeKind
    reason: str
    effective_date: str
    evidence_document_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kind: _Optional[_Union[_pupil_pb2.StatusChangeKind, str]] = ..., reason: _Optional[str] = ..., effective_date: _Optional[str] = ..., evidence_document_ids: _Optional[_Iterable[str]] = ...) -> None: ...
