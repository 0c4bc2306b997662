from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class Stage(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STAGE_UNSPECIFIED: _ClassVar[Stage]
    STAGE_PRIMARY: _ClassVar[Stage]
    STAGE_JUNIOR_SECONDARY: _ClassVar[Stage]
    STAGE_SENIOR_SECONDARY: _ClassVar[Stage]
    STAGE_SPECIAL_EDUCATION: _ClassVar[Stage]
STAGE_UNSPECIFIED: Stage
STAGE_PRIMARY: Stage
STAGE_JUNIOR_SECONDARY: Stage
STAGE_SENIOR_SECONDARY: Stage
STAGE_SPECIAL_EDUCATION: Stage
