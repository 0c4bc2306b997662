"""Organisation-unit rules (GB/T 2260 codes, school identification codes); no I/O."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from xueji_common.auth.principal import UnitKind
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.domain.divisions import PROVINCES
from xueji_registry.domain.reasons import InvalidValue
from xueji_registry.domain.school_code import SchoolCode

NAME_MAX_LENGTH = 100

CHILD_KIND: dict[UnitKind, UnitKind] = {
    UnitKind.NATION: UnitKind.PROVINCE,
    UnitKind.PROVINCE: UnitKind.CITY,
    UnitKind.CITY: UnitKind.COUNTY,
    UnitKind.COUNTY: UnitKind.SCHOOL,
}

_CODE_PATTERN = {
    UnitKind.PROVINCE: re.compile(r"\d{2}"),
    UnitKind.CITY: re.compile(r"\d{4}"),
    UnitKind.COUNTY: re.compile(r"\d{6}"),
}


@dataclass(frozen=True)
class OrgUnit:
    code: str
    kind: UnitKind
    name: str
    parent_code: str | None
    path: tuple[str, ...]
    docking: bool = False

    @property
    def province_code(self) -> str | None:
        return self.path[1] if len(self.path) > 1 else None


def normalise_unit_name(raw: str) -> str:
    name = unicodedata.normalize("NFKC", raw).strip()
    if (
        not name
        or len(name) > NAME_MAX_LENGTH
        or any(unicodedata.category(ch).startswith("C") for ch in name)
    ):
        raise DomainError(error_codes.ORG_UNIT_NAME_INVALID, field="name")
    return name


def new_unit(code: str, name: str, parent: OrgUnit) -> OrgUnit:
    """The child of `parent` with this code, or a refusal saying which rule it breaks."""
    kind = CHILD_KIND.get(parent.kind)
    if kind is None:
        raise DomainError(error_codes.ORG_UNIT_KIND_INVALID, field="parent_code")
    if kind is UnitKind.SCHOOL:
        check_school_code(code, parent)
    else:
        if not _CODE_PATTERN[kind].fullmatch(code):
            raise DomainError(error_codes.ORG_UNIT_CODE_INVALID, field="code", detail=code)
        if kind is UnitKind.PROVINCE and code not in PROVINCES:
            raise DomainError(error_codes.ORG_UNIT_CODE_INVALID, field="code", detail=code)
        if kind is not UnitKind.PROVINCE and not code.startswith(parent.code):
            raise DomainError(error_codes.ORG_UNIT_PARENT_MISMATCH, field="code", detail=code)
    return OrgUnit(
        code=code,
        kind=kind,
        name=normalise_unit_name(name),
        parent_code=parent.code,
        path=(*parent.path, code),
    )


def check_school_code(code: str, county: OrgUnit) -> SchoolCode:
    """A school's 10-digit code must be well formed and name the county's province."""
    try:
        return SchoolCode.parse(code, province_code=county.province_code)
    except InvalidValue as exc:
        reason = exc.reasons[0]
        raise DomainError(
            error_codes.SCHOOL_CODE_INVALID, field="code", detail=reason.message
        ) from None
