"""What every case family (transfer, status change, later export approval) shares: who the
case is, the registry's open-case lock (a pupil has at most one open case), its events and
the skeleton a case runs on (`cases.case.Case`)."""

from __future__ import annotations

from dataclasses import dataclass

# The states every case passes through or may end in; a family adds its own in between.
CLAIMING = "claiming"
IN_REVIEW = "in_review"
COMPLETED = "completed"
REFUSED = "refused"
FAILED = "failed"


@dataclass(frozen=True)
class CaseIdentity:
    case_id: str
    # What the open-case lock and the timeline call the case: "transfer", or a status-change
    # type such as "suspension".
    kind: str
    national_number: str
