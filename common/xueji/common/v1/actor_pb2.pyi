from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Actor(_message.Message):
    __slots__ = ("account_id", "name", "role", "unit_code")
    ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    UNIT_CODE_FIELD_NUMBER: _ClassVar[int]
    account_id: str
    name: str
    role: str
    unit_code: str
    def __init__(self, account_id: _Optional[str] = ..., name: _Optional[str] = ..., role: _Optional[str] = ..., unit_code: _Optional[str] = ...) -> None: ...
