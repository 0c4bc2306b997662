"""Organisation units as the workflows see them: codes and the paths above them.

A unit path lists codes root first and ends with the unit's own code, as the platform's
principals carry it: ["CN", "31", "3101", "310101", "2131000001"] (nation, province 2
digits, city 4, county 6 — GB/T 2260 — then the 10-digit school code). The nation is never
part of a case: everything here starts at the province.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SchoolRef:
    code: str
    name: str
    unit_path: list[str]


def from_province(unit_path: Sequence[str]) -> list[str]:
    """The path from the province down (a leading nation code is dropped)."""
    for index, code in enumerate(unit_path):
        if len(code) == 2 and code.isdigit():
            return list(unit_path[index:])
    return list(unit_path)


def well_formed(school: SchoolRef) -> bool:
    """A school path names the province, the county and the school itself."""
    path = from_province(school.unit_path)
    return len(path) >= 3 and path[-1] == school.code and len(path[0]) == 2


def county_path(school: SchoolRef) -> list[str]:
    return from_province(school.unit_path)[:-1]


def province_of(unit_path: Sequence[str]) -> str:
    return from_province(unit_path)[0]


def supervisor(unit_path: Sequence[str], rank: int) -> str:
    """Where the rank-th escalation (0 = first) of a unit's missed deadline goes.

    Each escalation climbs one level — school → county → city → province — and stops at
    the province, which supervises its own steps.
    """
    path = from_province(unit_path)
    ancestors = list(reversed(path[:-1]))
    if not ancestors:
        return path[-1]
    return ancestors[min(rank, len(ancestors) - 1)]
