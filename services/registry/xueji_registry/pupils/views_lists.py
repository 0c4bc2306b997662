"""Response bodies of the bureaus' conflict lists."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from xueji_registry.pupils.holders import Holder
from xueji_registry.pupils.reading.bureau_lists import SuspectGroup
from xueji_registry.pupils.schemas import PupilRead
from xueji_registry.pupils.state import PupilState


class SuspectMemberRead(BaseModel):
    pupil_id: str
    national_number: str
    name: str
    gender: str
    birth_date: date
    school_code: str
    school_name: str


class SuspectGroupRead(BaseModel):
    key: str
    members: list[SuspectMemberRead]

    @classmethod
    def of(cls, group: SuspectGroup) -> SuspectGroupRead:
        return cls(key=group.key, members=[SuspectMemberRead(**m.__dict__) for m in group.members])


class HolderRead(BaseModel):
    national_number: str
    school_code: str
    school_name: str


class ConflictRead(BaseModel):
    pupil: PupilRead
    holder: HolderRead | None

    @classmethod
    def of(cls, state: PupilState, holder: Holder | None) -> ConflictRead:
        held = None
        if holder is not None:
            held = HolderRead(
                national_number=holder.national_number,
                school_code=holder.school_code,
                school_name=holder.school_name,
            )
        return cls(pupil=PupilRead.of(state), holder=held)
