"""The life of an export application (pure): which state may follow which.

The API files an application (submitted, then in_review when the approval desk takes it);
the approval workflow decides it; generation, download and expiry follow. Every change goes
through `advance`, so no caller can skip a step (e.g. generate an unapproved application).
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from xueji_common.errors import DomainError
from xueji_export import error_codes


class ApplicationState(StrEnum):
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REFUSED = "refused"
    GENERATING = "generating"
    READY = "ready"
    EXPIRED = "expired"


_S = ApplicationState
NEXT = MappingProxyType(
    {
        _S.SUBMITTED: frozenset({_S.IN_REVIEW, _S.REFUSED, _S.EXPIRED}),
        _S.IN_REVIEW: frozenset({_S.APPROVED, _S.REFUSED, _S.EXPIRED}),
        _S.APPROVED: frozenset({_S.GENERATING, _S.EXPIRED}),
        # A failed generation may be tried again from approved.
        _S.GENERATING: frozenset({_S.READY, _S.APPROVED, _S.EXPIRED}),
        _S.READY: frozenset({_S.EXPIRED}),
        _S.REFUSED: frozenset(),
        _S.EXPIRED: frozenset(),
    }
)
FINAL = frozenset(state for state, after in NEXT.items() if not after)


def can_advance(current: ApplicationState, target: ApplicationState) -> bool:
    return target in NEXT[current]


def advance(current: ApplicationState, target: ApplicationState) -> ApplicationState:
    """`target`, or EXPORT_TRANSITION_NOT_ALLOWED when it cannot follow `current`."""
    if not can_advance(current, target):
        raise DomainError(error_codes.EXPORT_TRANSITION_NOT_ALLOWED, detail=f"{current} → {target}")
    return target
