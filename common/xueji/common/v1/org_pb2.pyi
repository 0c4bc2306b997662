from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrgKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ORG_KIND_UNSPECIFIED: _ClassVar[OrgKind]
    ORG_KIND_NATION: _ClassVar[OrgKind]
    ORG_KIND_PROVINCE: _ClassVar[OrgKind]
    ORG_KIND_CITY: _ClassVar[OrgKind]
    ORG_KIND_COUNTY: _ClassVar[OrgKind]
    ORG_KIND_SCHOOL: _ClassVar[OrgKind]
ORG_KIND_UNSPECIFIED: OrgKind
ORG_KIND_NATION: OrgKind
ORG_KIND_PROVINCE: OrgKind
ORG_KIND_CITY: OrgKind
ORG_KIND_COUNTY: OrgKind
ORG_KIND_SCHOOL: OrgKind

class OrgRef(_message.Message):
    __slots__ = ("code", "kind", "name", "path")
    CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    code: str
    kind: OrgKind
    name: str
    path: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, code: _Optional[str] = ..., kind: _Optional[_Union[OrgKind, str]] = ..., name: _Optional[str] = ..., path: _Optional[_Iterable[str]] = ...) -> None: ...
