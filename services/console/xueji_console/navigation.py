"""The console's sections and who may use them: one table drives the menu and the access check.

A section a role may not use is neither shown nor served (the APIs refuse it as well; the
console just does not offer what would be refused).
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_common.auth.principal import Role

SCHOOL_STAFF = frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER, Role.CLASS_TEACHER})
BUREAUS = frozenset(
    {Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER, Role.NATIONAL_OPERATOR}
)
STAFF = SCHOOL_STAFF | BUREAUS


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    path: str
    roles: frozenset[Role]


SECTIONS: tuple[Section, ...] = (
    Section("home", "首页", "/", STAFF),
    Section("pupils", "学生学籍", "/pupils", STAFF),
)
_BY_KEY = {section.key: section for section in SECTIONS}


def section(key: str) -> Section:
    return _BY_KEY[key]


def sections_for(role: Role) -> list[Section]:
    return [section for section in SECTIONS if role in section.roles]


def may_use(role: Role, key: str) -> bool:
    return role in _BY_KEY[key].roles
