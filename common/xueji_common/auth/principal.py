"""Who is calling, and which part of the organisation tree they may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    SCHOOL_REGISTRAR = "school_registrar"
    SCHOOL_REVIEWER = "school_reviewer"
    CLASS_TEACHER = "class_teacher"
    COUNTY_OFFICER = "county_officer"
    CITY_OFFICER = "city_officer"
    PROVINCE_OFFICER = "province_officer"
    NATIONAL_OPERATOR = "national_operator"
    DATABASE_ADMINISTRATOR = "database_administrator"
    OPS = "ops"
    # Another Xueji service acting for the platform (e.g. the transfer worker moving a record).
    PLATFORM_SERVICE = "platform_service"
    # A docking province's own registry system, deciding its steps through Kafka events; never
    # an account that signs in.
    PROVINCE_SYSTEM = "province_system"


class UnitKind(StrEnum):
    NATION = "nation"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    SCHOOL = "school"


# Which roles an account of each unit kind may hold.
ROLES_BY_UNIT_KIND: dict[UnitKind, frozenset[Role]] = {
    UnitKind.SCHOOL: frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER, Role.CLASS_TEACHER}),
    UnitKind.COUNTY: frozenset({Role.COUNTY_OFFICER}),
    UnitKind.CITY: frozenset({Role.CITY_OFFICER, Role.DATABASE_ADMINISTRATOR}),
    UnitKind.PROVINCE: frozenset({Role.PROVINCE_OFFICER, Role.DATABASE_ADMINISTRATOR}),
    UnitKind.NATION: frozenset(
        {Role.NATIONAL_OPERATOR, Role.DATABASE_ADMINISTRATOR, Role.OPS, Role.PLATFORM_SERVICE}
    ),
}


def scope_path(unit_path: Sequence[str]) -> str:
    """The path string stored on every scoped row: '/CN/31/3101/310118/3131000123/'."""
    return "/" + "/".join(unit_path) + "/"


@dataclass(frozen=True)
class Principal:
    account_id: str
    name: str
    role: Role
    unit_code: str
    unit_kind: UnitKind
    unit_path: tuple[str, ...]

    @property
    def scope(self) -> str:
        return scope_path(self.unit_path)

    def covers(self, path: str) -> bool:
        """True when a row whose scope path is `path` lies inside the caller's unit."""
        return path.startswith(self.scope)
