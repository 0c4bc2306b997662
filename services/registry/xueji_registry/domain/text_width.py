"""Width folding for typed-in identifiers and names.

Chinese input methods switch easily to full-width forms (ＡＢＣ１２３, the
ideographic space); registry staff and parents should not be punished for
that. Only the full-width ASCII block and the ideographic space are folded:
NFKC would also rewrite CJK compatibility ideographs and other characters that
are part of real names.
"""

from __future__ import annotations

import re

_FULL_WIDTH_FIRST = 0xFF01  # ！
_FULL_WIDTH_LAST = 0xFF5E  # ～
_FULL_WIDTH_OFFSET = 0xFEE0
IDEOGRAPHIC_SPACE = "\u3000"

_FOLD_TABLE = {
    code: code - _FULL_WIDTH_OFFSET for code in range(_FULL_WIDTH_FIRST, _FULL_WIDTH_LAST + 1)
} | {ord(IDEOGRAPHIC_SPACE): ord(" ")}
# Nearly all text has nothing to fold; finding that out in C is many times cheaper than a
# translate through a dict, which looks up every character.
_FOLDABLE = re.compile("[\uff01-\uff5e\u3000]")


def fold_full_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space become their ASCII twins."""
    if text.isascii() or _FOLDABLE.search(text) is None:
        return text
    return text.translate(_FOLD_TABLE)


def normalise_identifier(raw: str) -> str:
    """Canonical text of a typed identifier: width folded, trimmed, letters upper-case.

    Anything else (inner spaces, hyphens, other scripts) is kept so that the
    checks can report it; nothing is silently dropped.
    """
    return fold_full_width(raw).strip().upper()
