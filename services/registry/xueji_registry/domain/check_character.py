"""ISO 7064 MOD 11-2 check character, as used by GB 11643 ID numbers and the
ID-shaped parts of national student numbers."""

from __future__ import annotations

# Weight of position i (from the left) is 2**(17 - i) mod 11.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))


def check_character(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for 17 ASCII digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 ASCII digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)
