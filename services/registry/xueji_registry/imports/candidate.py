"""A row after reading and checking, on its way to the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xueji_registry.domain.reasons import Reason
from xueji_registry.pupils.entry.candidates import ValidatedPupil

# One row's values under the field names of `pupils.candidates.PupilCandidate`, as typed
# (codes mapped, nothing normalised): `PupilCandidate(**values)` is the pupils service's view.
RowValues = dict[str, Any]


@dataclass(frozen=True, slots=True)
class StoredPupil:
    """A row that passed every check, normalised as the pupils service stores it."""

    values: RowValues
    graduation_year: int
    national_number: str  # G + the valid ID number


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """Exactly one of: stored (the fast path), pending (the pupils service issues a number),
    reasons (the row is not applied)."""

    row: int
    stored: StoredPupil | None = None
    pending: ValidatedPupil | None = None
    reasons: tuple[Reason, ...] = ()
