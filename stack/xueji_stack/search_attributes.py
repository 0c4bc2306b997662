"""Custom Temporal search attributes the transfer workflows index, registered at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Values are the type names `temporal server start-dev --search-attribute` accepts.
XUEJI_SEARCH_ATTRIBUTES: Mapping[str, str] = MappingProxyType(
    {
        "XuejiPupilNumber": "Keyword",
        "XuejiReceivingSchool": "Keyword",
        "XuejiSendingSchool": "Keyword",
        "XuejiReceivingProvince": "Keyword",
        "XuejiSendingProvince": "Keyword",
        "XuejiCurrentStep": "Keyword",
        "XuejiOverdue": "Bool",
        "XuejiCaseKind": "Keyword",
    }
)
