"""ISO 7064 MOD 11-2 check character, as used by GB 11643 ID numbers and the
ID-shaped parts of national student numbers."""

from __future__ import annotations

from functools import lru_cache

# Weight of position i (from the left) is 2**(17 - i) mod 11.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))


# One record checks the same ID several times (ID, national number, document); imports repeat it.
@lru_cache(maxsize=65536)
def check_character(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for 17 ASCII digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 ASCII digits, got {first17!r}")
    total = sum(map(int.__mul__, map(int, first17), _WEIGHTS))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)
