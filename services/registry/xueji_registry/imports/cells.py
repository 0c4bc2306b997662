"""Cell values as calamine reads them, turned into text, numbers and dates.

Calamine gives str, int, float, bool, date, datetime, time or timedelta; an
empty cell is "". Digits typed into a number-formatted cell arrive as floats,
which is how 18-digit ID numbers lose their last digits in Excel: those are
reported, never guessed back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

CellValue = str | int | float | bool | date | datetime | time | timedelta | None

# Excel keeps 15 significant digits; a longer whole number has already lost some.
EXACT_DIGITS_LIMIT = 10**15
# OWASP's formula-injection triggers. A sign followed by digits only is a signed
# number or an international phone number, not a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-][0-9 ]+")
_DATE_TEXT = re.compile(
    r"(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))"
)


def cell_text(value: CellValue) -> str:
    """The cell as a person reads it: whole floats without '.0', dates as YYYY-MM-DD."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def looks_like_formula(value: CellValue) -> bool:
    """A text cell that a spreadsheet would evaluate if it were typed in again."""
    if not isinstance(value, str):
        return False
    text = value.lstrip(" ")
    return text.startswith(_FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(text)


def digits_lost(value: CellValue) -> bool:
    """A whole number too long for Excel to have kept all its digits."""
    return isinstance(value, float) and value.is_integer() and abs(value) >= EXACT_DIGITS_LIMIT


def cell_date(value: CellValue) -> date | None:
    """A date cell, or text/number in a common Chinese date form; None when it is not a date."""
    if isinstance(value, datetime):
        return value.date() if value.time() == time() else None
    if isinstance(value, date):
        return value
    match = _DATE_TEXT.fullmatch(cell_text(value))
    if match is None:
        return None
    year, month, day, compact_month, compact_day = match.groups()
    try:
        if compact_month is not None:
            return date(int(year), int(compact_month), int(compact_day))
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def cell_int(value: CellValue) -> int | None:
    """A whole number from a number or digit text; None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = cell_text(value)
    return int(text) if text.isascii() and text.isdigit() else None
