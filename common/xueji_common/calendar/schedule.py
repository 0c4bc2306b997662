"""One year's State Council holiday schedule (节假日安排), as published each winter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class YearSchedule:
    """Days off and make-up working days (调休) of one calendar year.

    `holidays` may include weekend days inside a holiday period; `make_up_days` are the
    Saturdays or Sundays that are working days that year.
    """

    year: int
    holidays: frozenset[date] = field(default_factory=frozenset)
    make_up_days: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        strays = sorted(d for d in self.holidays | self.make_up_days if d.year != self.year)
        if strays:
            raise ValueError(f"schedule {self.year} lists days of another year: {strays}")
        both = sorted(self.holidays & self.make_up_days)
        if both:
            raise ValueError(f"schedule {self.year} lists days as holiday and working: {both}")
