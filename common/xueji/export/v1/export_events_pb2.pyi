import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.export.v1 import export_pb2 as _export_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ExportApplied(_message.Message):
    __slots__ = ("application", "actor")
    APPLICATION_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    application: _export_pb2.ExportApplication
    actor: _actor_pb2.Actor
    def __init__(self, application: _Optional[_Union[_export_pb2.ExportApplication, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class ExportApproved(_message.Message):
    __slots__ = ("application_id", "actor", "comment", "approved_at")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    actor: _actor_pb2.Actor
    comment: str
    approved_at: _timestamp_pb2.Timestamp
    def __init__(self, application_id: _Optional[str] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., comment: _Optional[str] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExportRefused(_message.Message):
    __slots__ = ("application_id", "actor", "reason")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    actor: _actor_pb2.Actor
    reason: str
    def __init__(self, application_id: _Optional[str] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class ExportGenerated(_message.Message):
    __slots__ = ("application_id", "file_id", "file_name", "object_key", "sha256", "size_bytes", "row_count", "fields", "actor", "generated_at", "expires_at")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    GENERATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    file_id: str
    file_name: str
    object_key: str
    sha256: str
    size_bytes: int
    row_count: int
    fields: _containers.RepeatedScalarFieldContainer[str]
    actor: _actor_pb2.Actor
    generated_at: _timestamp_pb2.Timestamp
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, application_id: _Optional[str] = ..., file_id: _Optional[str] = ..., file_name: _Optional[str] = ..., object_key: _Optional[str] = ..., sha256: _Optional[str] = ..., size_bytes: _Optional[int] = ..., row_count: _Optional[int] = ..., fields: _Optional[_Iterable[str]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., generated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExportDownloaded(_message.Message):
    __slots__ = ("application_id", "file_id", "actor", "downloaded_at", "client_address")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    DOWNLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    file_id: str
    actor: _actor_pb2.Actor
    downloaded_at: _timestamp_pb2.Timestamp
    client_address: str
    def __init__(self, application_id: _Optional[str] = ..., file_id: _Optional[str] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., downloaded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., client_address: _Optional[str] = ...) -> None: ...

class ExportExpired(_message.Message):
    __slots__ = ("application_id", "file_id", "expired_at", "file_deleted")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_AT_FIELD_NUMBER: _ClassVar[int]
    FILE_DELETED_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    file_id: str
    expired_at: _timestamp_pb2.Timestamp
    file_deleted: bool
    def __init__(self, application_id: _Optional[str] = ..., file_id: _Optional[str] = ..., expired_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., file_deleted: _Optional[bool] = ...) -> None: ...

class ExportAuditHead(_message.Message):
    __slots__ = ("province_code", "sequence", "head_hash", "head_record_id", "recorded_at", "published_at")
    PROVINCE_CODE_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    HEAD_HASH_FIELD_NUMBER: _ClassVar[int]
    HEAD_RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    province_code: str
    sequence: int
    head_hash: str
    head_record_id: str
    recorded_at: _timestamp_pb2.Timestamp
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, province_code: _Optional[str] = ..., sequence: _Optional[int] = ..., head_hash: _Optional[str] = ..., head_record_id: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExportExecuted(_message.Message):
    __slots__ = ("application_id", "actor", "executed_at")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    EXECUTED_AT_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    actor: _actor_pb2.Actor
    executed_at: _timestamp_pb2.Timestamp
    def __init__(self, application_id: _Optional[str] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., executed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ExportEscalated(_message.Message):
    __slots__ = ("application_id", "escalated_to", "party_unit", "deadline")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_TO_FIELD_NUMBER: _ClassVar[int]
    PARTY_UNIT_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    escalated_to: str
    party_unit: str
    deadline: _timestamp_pb2.Timestamp
    def __init__(self, application_id: _Optional[str] = ..., escalated_to: _Optional[str] = ..., party_unit: _Optional[str] = ..., deadline: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
