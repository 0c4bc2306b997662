"""The search attributes Xueji workflows set, so ops can find cases in the Temporal UI.

They must be registered on the namespace before a workflow upserts them (the server refuses
unknown ones); `indexed_value_types()` gives what to register.
"""

from __future__ import annotations

from collections.abc import Sequence

from temporalio import workflow
from temporalio.api.enums.v1 import IndexedValueType
from temporalio.common import (
    SearchAttributeIndexedValueType,
    SearchAttributeKey,
    SearchAttributePair,
    SearchAttributeUpdate,
    TypedSearchAttributes,
)

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


def at_start(attributes: Sequence[SearchAttributeUpdate]) -> TypedSearchAttributes:
    """`attributes` for the workflow start request: the services start their cases with them."""
    return TypedSearchAttributes(
        [SearchAttributePair(update.key, update.value) for update in attributes]
    )


def set_unless_started_with(attributes: Sequence[SearchAttributeUpdate]) -> None:
    """Upsert a case's first attributes unless its start already carried them.

    Each upsert is a visibility update on the server, the costliest part of a case's server
    work; a case started with them (as the services start theirs) saves one. A case started
    without them (by an older service, a test, the CLI) still gets them, and so does every
    history recorded before: those were started without, and replay makes the same upsert.
    """
    started_with = workflow.info().typed_search_attributes
    if any(started_with.get(update.key) != update.value for update in attributes):
        workflow.upsert_search_attributes(list(attributes))
