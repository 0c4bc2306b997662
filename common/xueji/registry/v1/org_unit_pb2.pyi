from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.registry.v1 import stage_pb2 as _stage_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrgUnit(_message.Message):
    __slots__ = ("code", "kind", "name", "parent_code", "path", "docking", "version")
    CODE_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PARENT_CODE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    DOCKING_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    code: str
    kind: _org_pb2.OrgKind
    name: str
    parent_code: str
    path: _containers.RepeatedScalarFieldContainer[str]
    docking: bool
    version: int
    def __init__(self, code: _Optional[str] = ..., kind: _Optional[_Union[_org_pb2.OrgKind, str]] = ..., name: _Optional[str] = ..., parent_code: _Optional[str] = ..., path: _Optional[_Iterable[str]] = ..., docking: _Optional[bool] = ..., version: _Optional[int] = ...) -> None: ...

class School(_message.Message):
    __slots__ = ("school_code", "full_name", "county_code", "path", "category_code", "stages", "special_education", "version")
    SCHOOL_CODE_FIELD_NUMBER: _ClassVar[int]
    FULL_NAME_FIELD_NUMBER: _ClassVar[int]
    COUNTY_CODE_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    STAGES_FIELD_NUMBER: _ClassVar[int]
    SPECIAL_EDUCATION_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    school_code: str
    full_name: str
    county_code: str
    path: _containers.RepeatedScalarFieldContainer[str]
    category_code: str
    stages: _containers.RepeatedScalarFieldContainer[_stage_pb2.Stage]
    special_education: bool
    version: int
    def __init__(self, school_code: _Optional[str] = ..., full_name: _Optional[str] = ..., county_code: _Optional[str] = ..., path: _Optional[_Iterable[str]] = ..., category_code: _Optional[str] = ..., stages: _Optional[_Iterable[_Union[_stage_pb2.Stage, str]]] = ..., special_education: _Optional[bool] = ..., version: _Optional[int] = ...) -> None: ...
