"""Activities of the registry service that guard a pupil's single open case (SPEC §4).

Both are idempotent by `case_id`: claiming a case the pupil already holds under the same id
answers `claimed=True` again; releasing a released or unknown case does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

CLAIM_CASE = "registry.claim_case"
RELEASE_CASE = "registry.release_case"


@dataclass(frozen=True)
class ClaimCaseInput:
    case_id: str
    pupil_number: str
    kind: str  # "transfer" or a status-change type such as "suspension"


@dataclass(frozen=True)
class ClaimCaseResult:
    claimed: bool
    # When not claimed: the case that holds the pupil.
    open_case_id: str | None = None
    open_case_kind: str | None = None


@dataclass(frozen=True)
class ReleaseCaseInput:
    case_id: str
    pupil_number: str
