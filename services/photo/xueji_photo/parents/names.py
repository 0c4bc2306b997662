"""Whether the name a parent typed is the pupil's (pure).

Exact after Unicode NFC and trimming: a composed and a decomposed character are the same
name, a different character is not (no fuzzy match, which would help a guesser)."""

from __future__ import annotations

import unicodedata


def normalized_name(name: str) -> str:
    """NFC, without leading or trailing whitespace (the ideographic space included)."""
    return unicodedata.normalize("NFC", name).strip()


def same_name(on_roster: str, given: str) -> bool:
    typed = normalized_name(given)
    return bool(typed) and normalized_name(on_roster) == typed
