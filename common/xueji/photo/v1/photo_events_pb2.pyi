import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.photo.v1 import photo_pb2 as _photo_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PhotoAccepted(_message.Message):
    __slots__ = ("pupil_national_number", "pupil_id", "school", "photo_id", "object_key", "sha256", "content_type", "width_px", "height_px", "dpi", "size_bytes", "cohort", "uploader", "actor", "accepted_at", "acceptance_sequence", "rule_id", "rule_version", "thumbnail_key")
    PUPIL_NATIONAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PUPIL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    PHOTO_ID_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    WIDTH_PX_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_PX_FIELD_NUMBER: _ClassVar[int]
    DPI_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    COHORT_FIELD_NUMBER: _ClassVar[int]
    UPLOADER_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTANCE_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    THUMBNAIL_KEY_FIELD_NUMBER: _ClassVar[int]
    pupil_national_number: str
    pupil_id: str
    school: _org_pb2.OrgRef
    photo_id: str
    object_key: str
    sha256: str
    content_type: str
    width_px: int
    height_px: int
    dpi: int
    size_bytes: int
    cohort: _photo_pb2.PhotoCohort
    uploader: _photo_pb2.Uploader
    actor: _actor_pb2.Actor
    accepted_at: _timestamp_pb2.Timestamp
    acceptance_sequence: int
    rule_id: str
    rule_version: int
    thumbnail_key: str
    def __init__(self, pupil_national_number: _Optional[str] = ..., pupil_id: _Optional[str] = ..., school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., photo_id: _Optional[str] = ..., object_key: _Optional[str] = ..., sha256: _Optional[str] = ..., content_type: _Optional[str] = ..., width_px: _Optional[int] = ..., height_px: _Optional[int] = ..., dpi: _Optional[int] = ..., size_bytes: _Optional[int] = ..., cohort: _Optional[_Union[_photo_pb2.PhotoCohort, str]] = ..., uploader: _Optional[_Union[_photo_pb2.Uploader, str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., acceptance_sequence: _Optional[int] = ..., rule_id: _Optional[str] = ..., rule_version: _Optional[int] = ..., thumbnail_key: _Optional[str] = ...) -> None: ...

class PhotoReopened(_message.Message):
    __slots__ = ("pupil_national_number", "pupil_id", "school", "photo_id", "actor", "reason", "reopened_at")
    PUPIL_NATIONAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PUPIL_ID_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    PHOTO_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REOPENED_AT_FIELD_NUMBER: _ClassVar[int]
    pupil_national_number: str
    pupil_id: str
    school: _org_pb2.OrgRef
    photo_id: str
    actor: _actor_pb2.Actor
    reason: str
    reopened_at: _timestamp_pb2.Timestamp
    def __init__(self, pupil_national_number: _Optional[str] = ..., pupil_id: _Optional[str] = ..., school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., photo_id: _Optional[str] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reason: _Optional[str] = ..., reopened_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CardBatchProduced(_message.Message):
    __slots__ = ("batch_id", "kind", "scope", "pupil_national_numbers", "first_sequence", "last_sequence", "actor", "produced_at")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    PUPIL_NATIONAL_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    FIRST_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    LAST_SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    PRODUCED_AT_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    kind: _photo_pb2.CardKind
    scope: _org_pb2.OrgRef
    pupil_national_numbers: _containers.RepeatedScalarFieldContainer[str]
    first_sequence: int
    last_sequence: int
    actor: _actor_pb2.Actor
    produced_at: _timestamp_pb2.Timestamp
    def __init__(self, batch_id: _Optional[str] = ..., kind: _Optional[_Union[_photo_pb2.CardKind, str]] = ..., scope: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., pupil_national_numbers: _Optional[_Iterable[str]] = ..., first_sequence: _Optional[int] = ..., last_sequence: _Optional[int] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., produced_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
