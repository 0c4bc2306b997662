from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class PhotoCohort(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PHOTO_COHORT_UNSPECIFIED: _ClassVar[PhotoCohort]
    PHOTO_COHORT_GRADE_ONE_ENTRANT: _ClassVar[PhotoCohort]
    PHOTO_COHORT_GRADUATING: _ClassVar[PhotoCohort]
    PHOTO_COHORT_TRANSFERRED_IN: _ClassVar[PhotoCohort]
    PHOTO_COHORT_MISSING_PHOTO: _ClassVar[PhotoCohort]

class Uploader(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    UPLOADER_UNSPECIFIED: _ClassVar[Uploader]
    UPLOADER_PARENT: _ClassVar[Uploader]
    UPLOADER_SCHOOL: _ClassVar[Uploader]

class CardKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CARD_KIND_UNSPECIFIED: _ClassVar[CardKind]
    CARD_KIND_STUDENT_CARD: _ClassVar[CardKind]
    CARD_KIND_DIPLOMA: _ClassVar[CardKind]
PHOTO_COHORT_UNSPECIFIED: PhotoCohort
PHOTO_COHORT_GRADE_ONE_ENTRANT: PhotoCohort
PHOTO_COHORT_GRADUATING: PhotoCohort
PHOTO_COHORT_TRANSFERRED_IN: PhotoCohort
PHOTO_COHORT_MISSING_PHOTO: PhotoCohort
UPLOADER_UNSPECIFIED: Uploader
UPLOADER_PARENT: Uploader
UPLOADER_SCHOOL: Uploader
CARD_KIND_UNSPECIFIED: CardKind
CARD_KIND_STUDENT_CARD: CardKind
CARD_KIND_DIPLOMA: CardKind
