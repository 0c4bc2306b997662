import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from xueji.common.v1 import org_pb2 as _org_pb2
from xueji.registry.v1 import stage_pb2 as _stage_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IdDocumentType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ID_DOCUMENT_TYPE_UNSPECIFIED: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_RESIDENT_ID_CARD: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_HK_MACAO_TAIWAN_RESIDENCE_PERMIT: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_HK_MACAO_TRAVEL_PERMIT: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_TAIWAN_TRAVEL_PERMIT: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_PASSPORT: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_FOREIGNER_PERMANENT_RESIDENCE: _ClassVar[IdDocumentType]
    ID_DOCUMENT_TYPE_NONE: _ClassVar[IdDocumentType]

class PupilStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PUPIL_STATUS_UNSPECIFIED: _ClassVar[PupilStatus]
    PUPIL_STATUS_ENROLLED: _ClassVar[PupilStatus]
    PUPIL_STATUS_SUSPENDED: _ClassVar[PupilStatus]
    PUPIL_STATUS_DROPPED_OUT: _ClassVar[PupilStatus]
    PUPIL_STATUS_DECEASED: _ClassVar[PupilStatus]
    PUPIL_STATUS_GRADUATED: _ClassVar[PupilStatus]
    PUPIL_STATUS_COMPLETED: _ClassVar[PupilStatus]
    PUPIL_STATUS_DELETED: _ClassVar[PupilStatus]
    PUPIL_STATUS_TRANSFERRED_OUT: _ClassVar[PupilStatus]

class RegistrationState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REGISTRATION_STATE_UNSPECIFIED: _ClassVar[RegistrationState]
    REGISTRATION_STATE_UNREGISTERED: _ClassVar[RegistrationState]
    REGISTRATION_STATE_PENDING_REVIEW: _ClassVar[RegistrationState]
    REGISTRATION_STATE_RETURNED: _ClassVar[RegistrationState]
    REGISTRATION_STATE_REGISTERED: _ClassVar[RegistrationState]

class StatusChangeKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    STATUS_CHANGE_KIND_UNSPECIFIED: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_SUSPENSION: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_RESUMPTION: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_DROPOUT: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_LEFT_SCHOOL: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_RETURNED_TO_SCHOOL: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_DEATH: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_GRADUATION: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_COMPLETION: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_REPEAT_GRADE: _ClassVar[StatusChangeKind]
    STATUS_CHANGE_KIND_SKIP_GRADE: _ClassVar[StatusChangeKind]
ID_DOCUMENT_TYPE_UNSPECIFIED: IdDocumentType
ID_DOCUMENT_TYPE_RESIDENT_ID_CARD: IdDocumentType
ID_DOCUMENT_TYPE_HK_MACAO_TAIWAN_RESIDENCE_PERMIT: IdDocumentType
ID_DOCUMENT_TYPE_HK_MACAO_TRAVEL_PERMIT: IdDocumentType
ID_DOCUMENT_TYPE_TAIWAN_TRAVEL_PERMIT: IdDocumentType
ID_DOCUMENT_TYPE_PASSPORT: IdDocumentType
ID_DOCUMENT_TYPE_FOREIGNER_PERMANENT_RESIDENCE: IdDocumentType
ID_DOCUMENT_TYPE_NONE: IdDocumentType
PUPIL_STATUS_UNSPECIFIED: PupilStatus
PUPIL_STATUS_ENROLLED: PupilStatus
PUPIL_STATUS_SUSPENDED: PupilStatus
PUPIL_STATUS_DROPPED_OUT: PupilStatus
PUPIL_STATUS_DECEASED: PupilStatus
PUPIL_STATUS_GRADUATED: PupilStatus
PUPIL_STATUS_COMPLETED: PupilStatus
PUPIL_STATUS_DELETED: PupilStatus
PUPIL_STATUS_TRANSFERRED_OUT: PupilStatus
REGISTRATION_STATE_UNSPECIFIED: RegistrationState
REGISTRATION_STATE_UNREGISTERED: RegistrationState
REGISTRATION_STATE_PENDING_REVIEW: RegistrationState
REGISTRATION_STATE_RETURNED: RegistrationState
REGISTRATION_STATE_REGISTERED: RegistrationState
STATUS_CHANGE_KIND_UNSPECIFIED: StatusChangeKind
STATUS_CHANGE_KIND_SUSPENSION: StatusChangeKind
STATUS_CHANGE_KIND_RESUMPTION: StatusChangeKind
STATUS_CHANGE_KIND_DROPOUT: StatusChangeKind
STATUS_CHANGE_KIND_LEFT_SCHOOL: StatusChangeKind
STATUS_CHANGE_KIND_RETURNED_TO_SCHOOL: StatusChangeKind
STATUS_CHANGE_KIND_DEATH: StatusChangeKind
STATUS_CHANGE_KIND_GRADUATION: StatusChangeKind
STATUS_CHANGE_KIND_COMPLETION: StatusChangeKind
STATUS_CHANGE_KIND_REPEAT_GRADE: StatusChangeKind
STATUS_CHANGE_KIND_SKIP_GRADE: StatusChangeKind

class HouseholdRegistration(_message.Message):
    __slots__ = ("division_code", "address", "nature_code")
    DIVISION_CODE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    NATURE_CODE_FIELD_NUMBER: _ClassVar[int]
    division_code: str
    address: str
    nature_code: str
    def __init__(self, division_code: _Optional[str] = ..., address: _Optional[str] = ..., nature_code: _Optional[str] = ...) -> None: ...

class Guardian(_message.Message):
    __slots__ = ("name", "relation", "phone", "id_type", "id_number")
    NAME_FIELD_NUMBER: _ClassVar[int]
    RELATION_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ID_TYPE_FIELD_NUMBER: _ClassVar[int]
    ID_NUMBER_FIELD_NUMBER: _ClassVar[int]
    name: str
    relation: str
    phone: str
    id_type: IdDocumentType
    id_number: str
    def __init__(self, name: _Optional[str] = ..., relation: _Optional[str] = ..., phone: _Optional[str] = ..., id_type: _Optional[_Union[IdDocumentType, str]] = ..., id_number: _Optional[str] = ...) -> None: ...

class ProblemReason(_message.Message):
    __slots__ = ("code", "field", "message", "related_national_number")
    CODE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    RELATED_NATIONAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    code: str
    field: str
    message: str
    related_national_number: str
    def __init__(self, code: _Optional[str] = ..., field: _Optional[str] = ..., message: _Optional[str] = ..., related_national_number: _Optional[str] = ...) -> None: ...

class PupilRecord(_message.Message):
    __slots__ = ("pupil_id", "national_number", "previous_national_numbers", "local_number", "name", "gender_code", "birth_date", "ethnicity_code", "nationality_code", "id_type", "id_number", "household_registration", "address", "guardians", "school", "class_name", "grade", "stage", "enrolment_year", "graduation_year", "status", "registration_state", "left_school", "inclusive_education", "disability_category_code", "problem_reasons", "record_version", "updated_at")
    PUPIL_ID_FIELD_NUMBER: _ClassVar[int]
    NATIONAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_NATIONAL_NUMBERS_FIELD_NUMBER: _ClassVar[int]
    LOCAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    GENDER_CODE_FIELD_NUMBER: _ClassVar[int]
    BIRTH_DATE_FIELD_NUMBER: _ClassVar[int]
    ETHNICITY_CODE_FIELD_NUMBER: _ClassVar[int]
    NATIONALITY_CODE_FIELD_NUMBER: _ClassVar[int]
    ID_TYPE_FIELD_NUMBER: _ClassVar[int]
    ID_NUMBER_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_REGISTRATION_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    GUARDIANS_FIELD_NUMBER: _ClassVar[int]
    SCHOOL_FIELD_NUMBER: _ClassVar[int]
    CLASS_NAME_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    ENROLMENT_YEAR_FIELD_NUMBER: _ClassVar[int]
    GRADUATION_YEAR_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGISTRATION_STATE_FIELD_NUMBER: _ClassVar[int]
    LEFT_SCHOOL_FIELD_NUMBER: _ClassVar[int]
    INCLUSIVE_EDUCATION_FIELD_NUMBER: _ClassVar[int]
    DISABILITY_CATEGORY_CODE_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_REASONS_FIELD_NUMBER: _ClassVar[int]
    RECORD_VERSION_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    pupil_id: str
    national_number: str
    previous_national_numbers: _containers.RepeatedScalarFieldContainer[str]
    local_number: str
    name: str
    gender_code: str
    birth_date: str
    ethnicity_code: str
    nationality_code: str
    id_type: IdDocumentType
    id_number: str
    household_registration: HouseholdRegistration
    address: str
    guardians: _containers.RepeatedCompositeFieldContainer[Guardian]
    school: _org_pb2.OrgRef
    class_name: str
    grade: int
    stage: _stage_pb2.Stage
    enrolment_year: int
    graduation_year: int
    status: PupilStatus
    registration_state: RegistrationState
    left_school: bool
    inclusive_education: bool
    disability_category_code: str
    problem_reasons: _containers.RepeatedCompositeFieldContainer[ProblemReason]
    record_version: int
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, pupil_id: _Optional[str] = ..., national_number: _Optional[str] = ..., previous_national_numbers: _Optional[_Iterable[str]] = ..., local_number: _Optional[str] = ..., name: _Optional[str] = ..., gender_code: _Optional[str] = ..., birth_date: _Optional[str] = ..., ethnicity_code: _Optional[str] = ..., nationality_code: _Optional[str] = ..., id_type: _Optional[_Union[IdDocumentType, str]] = ..., id_number: _Optional[str] = ..., household_registration: _Optional[_Union[HouseholdRegistration, _Mapping]] = ..., address: _Optional[str] = ..., guardians: _Optional[_Iterable[_Union[Guardian, _Mapping]]] = ..., school: _Optional[_Union[_org_pb2.OrgRef, _Mapping]] = ..., class_name: _Optional[str] = ..., grade: _Optional[int] = ..., stage: _Optional[_Union[_stage_pb2.Stage, str]] = ..., enrolment_year: _Optional[int] = ..., graduation_year: _Optional[int] = ..., status: _Optional[_Union[PupilStatus, str]] = ..., registration_state: _Optional[_Union[RegistrationState, str]] = ..., left_school: _Optional[bool] = ..., inclusive_education: _Optional[bool] = ..., disability_category_code: _Optional[str] = ..., problem_reasons: _Optional[_Iterable[_Union[ProblemReason, _Mapping]]] = ..., record_version: _Optional[int] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
