"""What changed between two versions of a record: fields (as text) and problem reasons."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from xueji_registry.pupils.contract.snapshot import Change
from xueji_registry.pupils.state import PupilState, StoredReason


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# Field names follow the PupilRecord snapshot, so mirrors can apply them directly.
_FIELDS: tuple[tuple[str, Callable[[PupilState], object]], ...] = (
    ("national_number", lambda s: s.national_number),
    ("local_number", lambda s: s.local_number),
    ("name", lambda s: s.name),
    ("gender_code", lambda s: s.gender),
    ("birth_date", lambda s: s.birth_date),
    ("ethnicity_code", lambda s: s.ethnicity),
    ("nationality_code", lambda s: s.nationality),
    ("id_type", lambda s: s.id_type),
    ("id_number", lambda s: s.id_number),
    ("household_registration.division_code", lambda s: s.household_division),
    ("household_registration.address", lambda s: s.household_address),
    ("household_registration.nature_code", lambda s: s.household_nature),
    ("address", lambda s: s.address),
    (
        "guardians",
        lambda s: (
            json.dumps([g.to_json() for g in s.guardians], ensure_ascii=False)
            if s.guardians
            else None
        ),
    ),
    ("school", lambda s: s.school.code),
    ("class_name", lambda s: s.school_class.name if s.school_class else None),
    ("grade", lambda s: s.grade),
    ("stage", lambda s: s.stage),
    ("enrolment_year", lambda s: s.enrolment_year),
    ("graduation_year", lambda s: s.graduation_year),
    ("status", lambda s: s.status),
    ("registration_state", lambda s: s.registration_state),
    ("inclusive_education", lambda s: s.inclusive_education),
    ("disability_category_code", lambda s: s.disability_category),
    ("under_discipline", lambda s: s.under_discipline),
    ("deleted", lambda s: s.deleted),
)


def field_changes(old: PupilState, new: PupilState) -> list[Change]:
    changes = []
    for name, read in _FIELDS:
        before, after = _text(read(old)), _text(read(new))
        if before != after:
            changes.append((name, before, after))
    return changes


@dataclass(frozen=True)
class ReasonDelta:
    detected: tuple[StoredReason, ...]
    resolved: tuple[StoredReason, ...]


def reason_delta(old: tuple[StoredReason, ...], new: tuple[StoredReason, ...]) -> ReasonDelta:
    old_keys = {r.key for r in old}
    new_keys = {r.key for r in new}
    return ReasonDelta(
        detected=tuple(r for r in new if r.key not in old_keys),
        resolved=tuple(r for r in old if r.key not in new_keys),
    )
