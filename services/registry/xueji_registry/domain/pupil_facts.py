"""The facts the record checks look at, as plain values.

These are what a school typed or imported, before any normalisation: strings
stay strings so that the checks can report them as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from xueji_registry.domain.code_tables import RESIDENT_ID_CARD


@dataclass(frozen=True)
class PupilFacts:
    name: str
    gender: str | None  # GB/T 2261.1 code: "1" 男, "2" 女
    birth_date: date | None
    grade: int  # 1-12 across stages
    stage: str  # a code_tables.Stage value
    enrolment_year: int  # the year the pupil entered the current stage
    # A code_tables.ID_TYPES code; None when the pupil has no identity document
    # at all, in which case only a J national number fits.
    id_type: str | None = RESIDENT_ID_CARD
    id_number: str | None = None
    national_number: str | None = None
    local_number: str | None = None
    ethnicity: str | None = None  # GB/T 3304 code


@dataclass(frozen=True)
class SchoolFacts:
    code: str  # 10-digit school identification code
    province_code: str  # GB/T 2260 province code of the school's location
    stages: frozenset[str] = field(default_factory=frozenset)  # Stage values it teaches
