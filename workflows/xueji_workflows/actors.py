"""Who acts on a case, and the roles that decide which steps they may take."""

from __future__ import annotations

from dataclasses import dataclass, field

SCHOOL_REGISTRAR = "school_registrar"  # files cases, reports arrival, ships and receives files
SCHOOL_REVIEWER = "school_reviewer"  # approves the school's own steps (usually the principal)
COUNTY_OFFICER = "county_officer"  # decides bureau steps for schools in that county
CITY_OFFICER = "city_officer"
PROVINCE_OFFICER = "province_officer"
# A docking province's own registry system; decides that province's parties' steps.
PROVINCE_SYSTEM = "province_system"


@dataclass(frozen=True)
class Actor:
    account_id: str
    name: str
    role: str
    unit_code: str
    # Unit codes root first, own code last, e.g. ["CN", "31", "3101", "310101"].
    unit_path: list[str] = field(default_factory=list)
