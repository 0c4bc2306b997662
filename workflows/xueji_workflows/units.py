"""Organisation units as the workflows see them: codes and the paths above them.

A unit path lists codes root first, starting at the province (GB/T 2260: province 2 digits,
city 4, county 6) and ending with the unit's own code; a school adds its 10-digit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SchoolRef:
    code: str
    name: str
    unit_path: list[str]


def well_formed(school: SchoolRef) -> bool:
    """A school path names the province, the county and the school itself."""
    path = school.unit_path
    return len(path) >= 3 and path[-1] == school.code and len(path[0]) == 2


def county_path(school: SchoolRef) -> list[str]:
    return list(school.unit_path[:-1])


def province_of(unit_path: Sequence[str]) -> str:
    return unit_path[0]


def supervisor(unit_path: Sequence[str], rank: int) -> str:
    """Where the rank-th escalation (0 = first) of a unit's missed deadline goes.

    Each escalation climbs one level — school → county → city → province — and stops at
    the province, which supervises its own steps.
    """
    ancestors = list(reversed(unit_path[:-1]))
    if not ancestors:
        return unit_path[-1]
    return ancestors[min(rank, len(ancestors) - 1)]
