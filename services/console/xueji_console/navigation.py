"""The console's sections and who may use them: one table drives the menu and the access check.

A section a role may not use is neither shown nor served (the APIs refuse it as well; the
console just does not offer what would be refused).
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_common.auth.principal import Role
from xueji_console.session import PARENT, TEACHER

SCHOOL_STAFF = frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER, Role.CLASS_TEACHER})
BUREAUS = frozenset(
    {Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER, Role.NATIONAL_OPERATOR}
)
STAFF = SCHOOL_STAFF | BUREAUS
PHOTO_UPLOADERS = frozenset({Role.SCHOOL_REGISTRAR, Role.CLASS_TEACHER, TEACHER})
# Who may file an export application (the export service refuses everyone else).
EXPORT_APPLICANTS = frozenset(
    {Role.SCHOOL_REGISTRAR, Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER}
)
# Who reads a province's export audit: its own officers, and the national operators.
EXPORT_AUDITORS = frozenset({Role.PROVINCE_OFFICER, Role.NATIONAL_OPERATOR})
# Who decides export applications (the bureaus' officers) or runs backend exports (the DBAs).
EXPORT_DECIDERS = frozenset(
    {Role.COUNTY_OFFICER, Role.CITY_OFFICER, Role.PROVINCE_OFFICER, Role.DATABASE_ADMINISTRATOR}
)
# Who takes part in transfers (the transfer API's readers); only a registrar files one.
TRANSFER_PARTIES = frozenset({Role.SCHOOL_REGISTRAR, Role.SCHOOL_REVIEWER}) | BUREAUS
REGISTRATION_PARTIES = frozenset({Role.SCHOOL_REGISTRAR, Role.COUNTY_OFFICER})


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    path: str
    roles: frozenset[str]  # registry roles (a StrEnum) and the photo sessions' keys


SECTIONS: tuple[Section, ...] = (
    Section("home", "首页", "/", STAFF),
    Section("pupils", "学生学籍", "/pupils", STAFF),
    Section("pupil-entry", "新生录入", "/pupils/new", frozenset({Role.SCHOOL_REGISTRAR})),
    Section("classes", "班级管理", "/classes", frozenset({Role.SCHOOL_REGISTRAR})),
    Section("transfers", "转学", "/transfers", TRANSFER_PARTIES),
    Section("transfer-filing", "申请转入", "/transfers/new", frozenset({Role.SCHOOL_REGISTRAR})),
    Section("overdue", "逾期督办", "/transfers/overdue", BUREAUS),
    Section("calendar", "工作日历", "/calendar", BUREAUS),
    Section("school-photos", "照片采集", "/photos", PHOTO_UPLOADERS),
    Section("county-photos", "照片采集管理", "/photos/county", frozenset({Role.COUNTY_OFFICER})),
    Section("parent-photo", "学生照片", "/parent", frozenset({PARENT})),
    Section("exports", "数据导出", "/exports", EXPORT_APPLICANTS),
    Section("export-inbox", "导出审批", "/exports/inbox", EXPORT_DECIDERS),
    Section("export-audit", "导出审计", "/export-audit", EXPORT_AUDITORS),
    Section("imports", "Excel导入", "/imports", frozenset({Role.SCHOOL_REGISTRAR})),
    # The school reports, its county bureau decides (SPEC §4).
    Section("registration", "学籍注册", "/registration", REGISTRATION_PARTIES),
)
_BY_KEY = {section.key: section for section in SECTIONS}


def section(key: str) -> Section:
    return _BY_KEY[key]


def sections_for(role: str) -> list[Section]:
    return [section for section in SECTIONS if role in section.roles]


def may_use(role: str, key: str) -> bool:
    return role in _BY_KEY[key].roles
