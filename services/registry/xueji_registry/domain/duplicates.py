"""Suspected duplicates among pupils without an ID number (SPEC §2).

Without an ID number, the same name, gender and birth date at two schools is
a suspected duplicate for the bureaus to resolve. The key ignores what people
type inconsistently - width, spaces, the interpunct and Latin letter case - and
nothing else: 生僻字 and their look-alikes stay distinct.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from xueji_registry.domain.names import MIDDLE_DOT, MIDDLE_DOT_VARIANTS
from xueji_registry.domain.text_width import fold_full_width

_IGNORED = frozenset({MIDDLE_DOT, *MIDDLE_DOT_VARIANTS})


def suspected_duplicate_key(name: str, gender: str, birth_date: date) -> str:
    """A stable text key (fit for an indexed column): name|gender|YYYY-MM-DD."""
    folded = fold_full_width(name).casefold()
    compact = "".join(ch for ch in folded if not ch.isspace() and ch not in _IGNORED)
    return f"{compact}|{gender}|{birth_date.isoformat()}"


@dataclass(frozen=True)
class UnidentifiedPupil:
    record_id: str
    school_code: str
    name: str
    gender: str
    birth_date: date


@dataclass(frozen=True)
class SuspectedDuplicate:
    key: str
    pupils: tuple[UnidentifiedPupil, ...]

    @property
    def school_codes(self) -> frozenset[str]:
        return frozenset(p.school_code for p in self.pupils)


def find_suspected_duplicates(pupils: Iterable[UnidentifiedPupil]) -> list[SuspectedDuplicate]:
    """Groups of pupils sharing a key across at least two schools, sorted by key.

    Two pupils with the same key in one school are not listed here: that is a
    school's own import question (twins share a birth date, rarely a name).
    """
    groups: dict[str, list[UnidentifiedPupil]] = defaultdict(list)
    for pupil in pupils:
        groups[suspected_duplicate_key(pupil.name, pupil.gender, pupil.birth_date)].append(pupil)
    found = [
        SuspectedDuplicate(key, tuple(sorted(members, key=lambda p: (p.school_code, p.record_id))))
        for key, members in groups.items()
        if len({p.school_code for p in members}) > 1
    ]
    return sorted(found, key=lambda group: group.key)
