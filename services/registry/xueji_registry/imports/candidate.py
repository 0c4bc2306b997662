"""One imported row after reading: the pupils service's candidate plus what only the file has."""

from __future__ import annotations

from dataclasses import dataclass

from xueji_registry.domain.reasons import Reason
from xueji_registry.pupils.candidates import PupilCandidate, ValidatedPupil


@dataclass(frozen=True, slots=True)
class ImportCandidate:
    row: int  # 1-based sheet row, as Excel numbers it
    values: PupilCandidate
    national_number: str | None  # as given in the file; new pupils leave it empty


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """A row's validated pupil when every check passed, otherwise its reasons (never both)."""

    row: int
    pupil: ValidatedPupil | None
    reasons: tuple[Reason, ...]
