"""The search attributes Xueji workflows set, so ops can find cases in the Temporal UI.

They must be registered on the namespace before a workflow upserts them (the server refuses
unknown ones); `indexed_value_types()` gives what to register.
"""

from __future__ import annotations

from temporalio.api.enums.v1 import IndexedValueType
from temporalio.common import SearchAttributeIndexedValueType, SearchAttributeKey

PUPIL_NUMBER = SearchAttributeKey.for_keyword("XuejiPupilNumber")
RECEIVING_SCHOOL = SearchAttributeKey.for_keyword("XuejiReceivingSchool")
SENDING_SCHOOL = SearchAttributeKey.for_keyword("XuejiSendingSchool")
RECEIVING_PROVINCE = SearchAttributeKey.for_keyword("XuejiReceivingProvince")
SENDING_PROVINCE = SearchAttributeKey.for_keyword("XuejiSendingProvince")
CURRENT_STEP = SearchAttributeKey.for_keyword("XuejiCurrentStep")
OVERDUE = SearchAttributeKey.for_bool("XuejiOverdue")
CASE_KIND = SearchAttributeKey.for_keyword("XuejiCaseKind")

ALL_KEYS: tuple[SearchAttributeKey, ...] = (
    PUPIL_NUMBER,
    RECEIVING_SCHOOL,
    SENDING_SCHOOL,
    RECEIVING_PROVINCE,
    SENDING_PROVINCE,
    CURRENT_STEP,
    OVERDUE,
    CASE_KIND,
)


def indexed_value_types() -> dict[str, IndexedValueType.ValueType]:
    """Name → type, the shape `AddSearchAttributesRequest.search_attributes` takes."""
    by_kind = {
        SearchAttributeIndexedValueType.KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
        SearchAttributeIndexedValueType.BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
    }
    return {key.name: by_kind[key.indexed_value_type] for key in ALL_KEYS}
