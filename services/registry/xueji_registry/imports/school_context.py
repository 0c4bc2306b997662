"""What the row checks need to know about the importing school, fetched once per import.

Plain picklable values: the context travels to the worker processes with each chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache

from xueji_registry.domain.code_tables import Stage
from xueji_registry.domain.pupil_facts import SchoolFacts
from xueji_registry.domain.school_system import stage_grades
from xueji_registry.pupils.model import class_code
from xueji_registry.pupils.state import ClassRef, SchoolRef

_CLASS_NUMBER = re.compile(r"(?:[^\d(（]*[(（])?\s*(\d{1,2})\s*[)）]?\s*班?")


@dataclass(frozen=True)
class SchoolContext:
    school: SchoolRef
    today: date
    now: datetime  # the import's one timestamp: created_at, updated_at and event times
    classes: dict[str, ClassRef] = field(default_factory=dict)  # by class code ("0103")
    only_class: ClassRef | None = None  # the upload is for this class alone

    def stage_for(self, grade: int) -> Stage | None:
        """The one stage of this school a pupil of `grade` can be in; None when not exactly one."""
        return _stage_for(grade, self.school.province_code, self.school.stages)

    @cached_property
    def facts(self) -> SchoolFacts:
        return SchoolFacts(self.school.code, self.school.province_code, self.school.stages)

    @cached_property
    def classes_by_id(self) -> dict[object, ClassRef]:
        return {ref.id: ref for ref in self.classes.values()}

    @cached_property
    def _by_name(self) -> dict[tuple[int, str], ClassRef]:
        return {(ref.grade, ref.name): ref for ref in self.classes.values()}

    @cached_property
    def _found(self) -> dict[tuple[int, str], ClassRef | None]:
        # A file names a few hundred classes, each on thousands of rows.
        return {}

    def find_class(self, grade: int, text: str) -> ClassRef | None:
        """The class a cell names, by its full name ("一年级(3)班") or its number ("3", "3班")."""
        key = (grade, text)
        found = self._found
        if key in found:
            return found[key]
        by_name = self._by_name.get(key)
        if by_name is None:
            match = _CLASS_NUMBER.fullmatch(text)
            number = int(match.group(1)) if match is not None else None
            by_name = self.classes.get(class_code(grade, number)) if number is not None else None
        found[key] = by_name
        return by_name


@lru_cache(maxsize=256)
def _stage_for(grade: int, province_code: str, stages: frozenset[str]) -> Stage | None:
    # Falls back to the stage the grade fits anywhere in the province, so that the
    # record checks can say the school does not teach it.
    fitting = [s for s in Stage if grade in stage_grades(s, province_code)]
    offered = [s for s in fitting if s in stages]
    if len(offered) == 1:
        return offered[0]
    if offered:
        return None
    ordinary = [s for s in fitting if s is not Stage.SPECIAL]
    return ordinary[0] if len(ordinary) == 1 else None
