"""The versions a write stores, drafted with their classes checked and numbers issued.

`entry.drafting` builds record versions without I/O; here they get what needs the
database: the school's classes and temporary national numbers from the counters.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from xueji_registry.classes.lookup import check_class_grade, classes_for
from xueji_registry.pupils.entry.candidates import ValidatedPupil
from xueji_registry.pupils.entry.drafting import (
    duplicate_reason,
    national_number_for,
    new_state,
    next_state,
    temporary_prefix_for,
)
from xueji_registry.pupils.holders import Holder
from xueji_registry.pupils.state import ClassRef, PupilState, SchoolRef
from xueji_registry.pupils.writing.numbers import NumberAllocator


async def classes_of(
    session: AsyncSession, school: SchoolRef, candidates: Sequence[ValidatedPupil]
) -> dict[uuid.UUID, ClassRef]:
    """The school's classes the candidates name."""
    class_ids = {c.values.class_id for c in candidates if c.values.class_id is not None}
    return await classes_for(session, school.code, class_ids)


@dataclass(frozen=True)
class NewRecords:
    """Drafts the new records of a batch of candidates, each time with fresh ids and numbers."""

    candidates: Sequence[ValidatedPupil]
    school: SchoolRef
    school_classes: Mapping[uuid.UUID, ClassRef]
    numbers: NumberAllocator
    now: datetime
    import_batch_id: str | None

    async def draft(
        self, positions: Sequence[int], conflicts: Mapping[int, Holder] | None = None
    ) -> list[PupilState]:
        """New states of the candidates at `positions`; those with a holder in `conflicts`
        as problem data naming it."""
        conflicts = conflicts or {}
        numbers = await self._national_numbers(positions, conflicts)
        return [
            self._state(i, number, conflicts.get(i))
            for i, number in zip(positions, numbers, strict=True)
        ]

    async def _national_numbers(
        self, positions: Sequence[int], conflicts: Mapping[int, Holder]
    ) -> list[str]:
        """G + ID number where the candidate may have it, else a temporary number issued now."""
        chosen = {
            i: national_number_for(self.candidates[i], id_conflict=i in conflicts)
            for i in positions
        }
        temporary = [i for i in positions if chosen[i] is None]
        prefixes = [temporary_prefix_for(self.candidates[i], self.school) for i in temporary]
        chosen.update(zip(temporary, await self.numbers.issue(prefixes), strict=True))
        return [str(chosen[i]) for i in positions]

    def _state(self, position: int, national_number: str, holder: Holder | None) -> PupilState:
        candidate = self.candidates[position]
        class_id = candidate.values.class_id
        school_class = self.school_classes[class_id] if class_id is not None else None
        check_class_grade(school_class, candidate.values.grade)
        return new_state(
            uuid.uuid4(),
            candidate,
            school=self.school,
            school_class=school_class,
            national_number=national_number,
            now=self.now,
            id_conflict=holder is not None,
            extra_reasons=() if holder is None else (duplicate_reason(holder),),
        )


async def class_for_change(
    session: AsyncSession, old: PupilState, validated: ValidatedPupil
) -> ClassRef | None:
    """The class the validated values put the record `old` in, checked against the grade."""
    class_id = validated.values.class_id
    if class_id is None:
        return None
    if old.school_class is not None and old.school_class.id == class_id:
        school_class = old.school_class
    else:
        school_class = (await classes_for(session, old.school.code, [class_id]))[class_id]
    check_class_grade(school_class, validated.values.grade)
    return school_class


async def _national_number(
    old: PupilState, validated: ValidatedPupil, numbers: NumberAllocator, *, conflict: bool
) -> str:
    chosen = national_number_for(validated, id_conflict=conflict)
    if chosen is not None:
        return chosen
    if old.national_number[0] in "LJ":
        return old.national_number
    return (await numbers.issue([temporary_prefix_for(validated, old.school)]))[0]


async def next_version(
    old: PupilState,
    validated: ValidatedPupil,
    school_class: ClassRef | None,
    numbers: NumberAllocator,
    holder: Holder | None = None,
) -> PupilState:
    """The record `old` with the validated values, to store; with a holder, as problem data
    keeping the ID number the holder holds."""
    conflict = holder is not None
    return next_state(
        old,
        validated,
        school_class=school_class,
        national_number=await _national_number(old, validated, numbers, conflict=conflict),
        id_conflict=conflict,
        extra_reasons=() if holder is None else (duplicate_reason(holder),),
    )
