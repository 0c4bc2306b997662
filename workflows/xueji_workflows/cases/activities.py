"""Activities that take and give back a pupil's open-case lock, which the registry holds
(SPEC §4: one open case per pupil).

Both are idempotent by `case_id`: claiming a case the pupil already holds under the same id
answers `claimed=True` again; releasing a released or unknown case does nothing. The worker
holding the case serves them: the transfer worker by asking the registry's platform API, the
registry's worker by taking the lock itself. Inputs recorded before the national number had
one name are read as `national_number` explains.
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_workflows.national_number import NationalNumbered

CLAIM_CASE = "registry.claim_case"
RELEASE_CASE = "registry.release_case"


@dataclass(frozen=True)
class ClaimCaseInput(NationalNumbered):
    case_id: str
    kind: str  # "transfer" or a status-change type such as "suspension"


@dataclass(frozen=True)
class ClaimCaseResult:
    claimed: bool
    # When not claimed: the case that holds the pupil.
    open_case_id: str | None = None
    open_case_kind: str | None = None


@dataclass(frozen=True)
class ReleaseCaseInput(NationalNumbered):
    case_id: str
