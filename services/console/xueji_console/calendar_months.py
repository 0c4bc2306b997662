"""A published year laid out month by month, as the calendar page shows it. Pure: the page
fetches the year from the transfer service, this arranges its days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class Month:
    number: int
    holidays: list[date]
    make_up_days: list[date]


def chosen_year(asked: str | None, today: date) -> int:
    """The year asked for when it is a year the calendar API serves, else this year."""
    if asked and asked.isdigit() and FIRST_YEAR <= int(asked) <= LAST_YEAR:
        return int(asked)
    return today.year


def by_month(holidays: Iterable[str], make_up_days: Iterable[str]) -> list[Month]:
    """Only the months with a holiday or a make-up day, in order."""
    off = [date.fromisoformat(day) for day in holidays]
    on = [date.fromisoformat(day) for day in make_up_days]
    numbers = sorted({day.month for day in off} | {day.month for day in on})
    return [
        Month(
            number,
            sorted(day for day in off if day.month == number),
            sorted(day for day in on if day.month == number),
        )
        for number in numbers
    ]
