import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import field_change_pb2 as _field_change_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.registry.v1 import org_unit_pb2 as _org_unit_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrgUnitCreated(_message.Message):
    __slots__ = ("unit", "actor")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    unit: _org_unit_pb2.OrgUnit
    actor: _actor_pb2.Actor
    def __init__(self, unit: _Optional[_Union[_org_unit_pb2.OrgUnit, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class OrgUnitUpdated(_message.Message):
    __slots__ = ("unit", "actor", "changes")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    unit: _org_unit_pb2.OrgUnit
    actor: _actor_pb2.Actor
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    def __init__(self, unit: _Optional[_Union[_org_unit_pb2.OrgUnit, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ...) -> None: ...

class SchoolCreated(_message.Message):
    __slots__ = ("school", "actor")
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    school: _org_unit_pb2.School
    actor: _actor_pb2.Actor
    def __init__(self, school: _Optional[_Union[_org_unit_pb2.School, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...

class SchoolUpdated(_message.Message):
    __slots__ = ("school", "actor", "changes")
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    school: _org_unit_pb2.School
    actor: _actor_pb2.Actor
    changes: _containers.RepeatedCompositeFieldContainer[_field_change_pb2.FieldChange]
    def __init__(self, school: _Optional[_Union[_org_unit_pb2.School, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ..., changes: _Optional[_Iterable[_Union[_field_change_pb2.FieldChange, _Mapping]]] = ...) -> None: ...

class ReportGenerated(_message.Message):
    __slots__ = ("unit", "recipient", "report_kind", "period", "report_id", "bucket", "object_key", "file_name", "pupil_count", "temporary_number_count", "j_number_count", "generated_at", "actor")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    REPORT_KIND_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    BUCKET_FIELD_NUMBER: _ClassVar[int]
    OBJECT_KEY_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    PUPIL_COUNT_FIELD_NUMBER: _ClassVar[int]
    TEMPORARY_NUMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    J_NUMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    GENERATED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    unit: _org_pb2.OrgRef
    recipient: _org_pb2.OrgRef
    report_kind: str
    period: str
    report_id: str
    bucket: str
    object_key: str
    file_name: str
    pupil_count: int
    temporary_number_count: int
    j_number_count: int
    generated_at: _timestamp_pb2.Timestamp
    actor: _actor_pb2.Actor
    def __init__(self, unit: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., recipient: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., report_kind: _Optional[str] = ..., period: _Optional[str] = ..., report_id: _Optional[str] = ..., bucket: _Optional[str] = ..., object_key: _Optional[str] = ..., file_name: _Optional[str] = ..., pupil_count: _Optional[int] = ..., temporary_number_count: _Optional[int] = ..., j_number_count: _Optional[int] = ..., generated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[_Union[_actor_pb2.Actor, _Mapping]] = ...) -> None: ...
