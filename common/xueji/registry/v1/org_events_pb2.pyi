from xueji.common.v1 import actor_pb2 as _actor_pb2
from xueji.common.v1 import field_change_pb2 as _field_change_pb2
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
