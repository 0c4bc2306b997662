"""Building valid ID-shaped numbers, for demo data, benchmarks and J numbers."""

from __future__ import annotations

from datetime import date

from xueji_registry.domain.check_character import check_character

MAX_SEQUENCE = 999


def make_id_number(division: str, birth: date, sequence: int) -> str:
    """The 18-character number for a division, birth date and 3-digit sequence.

    The sequence's parity sets the gender (odd male, even female). The division
    is not looked up: callers choose real ones (see `divisions`).
    """
    if len(division) != 6 or not (division.isascii() and division.isdigit()):
        raise ValueError(f"division must be 6 ASCII digits, got {division!r}")
    if not 0 <= sequence <= MAX_SEQUENCE:
        raise ValueError(f"sequence must be 0-{MAX_SEQUENCE}, got {sequence}")
    if birth.year < 1000:
        raise ValueError(f"birth year must have 4 digits, got {birth.year}")
    first17 = f"{division}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)
