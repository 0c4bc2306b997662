from xueji.common.v1 import org_pb2 as _org_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ExportMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_METHOD_UNSPECIFIED: _ClassVar[ExportMethod]
    EXPORT_METHOD_PAGE: _ClassVar[ExportMethod]
    EXPORT_METHOD_BACKEND: _ClassVar[ExportMethod]

class ExportFileFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXPORT_FILE_FORMAT_UNSPECIFIED: _ClassVar[ExportFileFormat]
    EXPORT_FILE_FORMAT_XLSX: _ClassVar[ExportFileFormat]
    EXPORT_FILE_FORMAT_CSV: _ClassVar[ExportFileFormat]
EXPORT_METHOD_UNSPECIFIED: ExportMethod
EXPORT_METHOD_PAGE: ExportMethod
EXPORT_METHOD_BACKEND: ExportMethod
EXPORT_FILE_FORMAT_UNSPECIFIED: ExportFileFormat
EXPORT_FILE_FORMAT_XLSX: ExportFileFormat
EXPORT_FILE_FORMAT_CSV: ExportFileFormat

class RequestedField(_message.Message):
    __slots__ = ("field", "sensitive", "reason")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    SENSITIVE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    field: str
    sensitive: bool
    reason: str
    def __init__(self, field: _Optional[str] = ..., sensitive: _Optional[bool] = ..., reason: _Optional[str] = ...) -> None: ...

class ExportApplication(_message.Message):
    __slots__ = ("application_id", "applicant_unit", "purpose", "scope", "method", "fields", "use_from", "use_until", "security_officer", "handler", "security_plan", "consent_document_id", "handler_account_id", "security_plan_document_id", "application_number", "file_format")
    APPLICATION_ID_FIELD_NUMBER: _ClassVar[int]
    APPLICANT_UNIT_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    USE_FROM_FIELD_NUMBER: _ClassVar[int]
    USE_UNTIL_FIELD_NUMBER: _ClassVar[int]
    SECURITY_OFFICER_FIELD_NUMBER: _ClassVar[int]
    HANDLER_FIELD_NUMBER: _ClassVar[int]
    SECURITY_PLAN_FIELD_NUMBER: _ClassVar[int]
    CONSENT_DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    HANDLER_ACCOUNT_ID_FIELD_NUMBER: _ClassVar[int]
    SECURITY_PLAN_DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    APPLICATION_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FILE_FORMAT_FIELD_NUMBER: _ClassVar[int]
    application_id: str
    applicant_unit: _org_pb2.OrgRef
    purpose: str
    scope: _containers.RepeatedCompositeFieldContainer[_org_pb2.OrgRef]
    method: ExportMethod
    fields: _containers.RepeatedCompositeFieldContainer[RequestedField]
    use_from: str
    use_until: str
    security_officer: str
    handler: str
    security_plan: str
    consent_document_id: str
    handler_account_id: str
    security_plan_document_id: str
    application_number: str
    file_format: ExportFileFormat
    def __init__(self, application_id: _Optional[str] = ..., applicant_unit: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., purpose: _Optional[str] = ..., scope: _Optional[_Iterable[_Union[_org_pb2.OrgRef, _Mapping]]] = ..., method: _Optional[_Union[ExportMethod, str]] = ..., fields: _Optional[_Iterable[_Union[RequestedField, _Mapping]]] = ..., use_from: _Optional[str] = ..., use_until: _Optional[str] = ..., security_officer: _Optional[str] = ..., handler: _Optional[str] = ..., security_plan: _Optional[str] = ..., consent_document_id: _Optional[str] = ..., handler_account_id: _Optional[str] = ..., security_plan_document_id: _Optional[str] = ..., application_number: _Optional[str] = ..., file_format: _Optional[_Union[ExportFileFormat, str]] = ...) -> None: ...
