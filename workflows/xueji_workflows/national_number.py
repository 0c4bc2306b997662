"""The national number (全国学籍号) in workflow and activity inputs, under its earlier name too.

Until the platform gave it one name, these inputs carried it as `pupil_number`. Temporal keeps
a case's input in its history for as long as the case runs (and replays decode it again), an
activity scheduled before a deploy reaches the new worker with the old payload, and the
default data converter reads only the fields a dataclass declares. So an input naming a pupil
declares both: it is built with `national_number`, decodes from either key, and writes both,
equal, so that workers of either version read it. Code reads `national_number` only;
`pupil_number` goes once no case filed before the rename is running.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, kw_only=True)
class NationalNumbered:
    national_number: str = ""
    pupil_number: str = field(default="", repr=False, compare=False)  # the earlier name

    def __post_init__(self) -> None:
        number = self.national_number or self.pupil_number
        if not number:
            raise TypeError(f"{type(self).__name__} needs a national_number")
        object.__setattr__(self, "national_number", number)
        object.__setattr__(self, "pupil_number", number)
