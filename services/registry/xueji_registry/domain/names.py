"""Pupil names: keep every real character, fix only width and surrounding spaces.

- Rare characters (生僻字), characters outside the BMP (CJK extensions B-H),
  ideographic variation selectors and private-use characters (legacy systems
  encode unencoded 生僻字 there) are kept as they are. No NFKC: it rewrites
  CJK compatibility ideographs into different characters.
- Code points unassigned in this Python's Unicode version are kept too: newer
  CJK extensions would otherwise be rejected until the runtime catches up.
- Control and format characters (Cc, Cf: tabs, line breaks, zero-width
  spaces, direction marks), unpaired surrogates (Cs) and line/paragraph
  separators are rejected: they are invisible and break matching.
- The interpunct of transliterated names (e.g. 阿依古丽·买买提) is stored as
  U+00B7 MIDDLE DOT, the form household registers use. Its full-width and
  half-width katakana look-alikes (U+30FB, U+FF65) and U+2027 HYPHENATION
  POINT (the Big5 间隔号) fold to it; a name may not start or end with it or
  hold two in a row.
"""

from __future__ import annotations

import unicodedata

from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import InvalidValue, Reason
from xueji_registry.domain.text_width import fold_full_width

FIELD = "name"
MIDDLE_DOT = "\u00b7"
MIDDLE_DOT_VARIANTS = frozenset({"\u30fb", "\uff65", "\u2027"})
NAME_MAX_LENGTH = 60  # code points; long transliterated names stay well below
_REJECTED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_DOT_FOLD = {ord(variant): MIDDLE_DOT for variant in MIDDLE_DOT_VARIANTS}


class InvalidName(InvalidValue):
    pass


def _fold(raw: str) -> str:
    return fold_full_width(raw).translate(_DOT_FOLD).strip()


def check_name(raw: str, *, field: str = FIELD) -> list[Reason]:
    """Every failed check on a name as typed; empty when `normalise_name` accepts it."""
    text = _fold(raw)
    if not text:
        return [Reason(ReasonCode.NAME_EMPTY, field, "姓名不能为空", raw)]
    reasons: list[Reason] = []
    bad = [ch for ch in text if unicodedata.category(ch) in _REJECTED_CATEGORIES]
    if bad:
        shown = "、".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(bad))
        message = f"姓名含有不可见的控制字符（{shown}）"
        reasons.append(Reason(ReasonCode.NAME_CONTROL_CHARACTERS, field, message, raw))
    if len(text) > NAME_MAX_LENGTH:
        message = f"姓名不能超过{NAME_MAX_LENGTH}个字符，实际为{len(text)}个"
        reasons.append(Reason(ReasonCode.NAME_TOO_LONG, field, message, raw))
    if text[0] == MIDDLE_DOT or text[-1] == MIDDLE_DOT or MIDDLE_DOT * 2 in text:
        message = "姓名中的间隔号“·”不能位于开头或结尾，也不能连续出现"
        reasons.append(Reason(ReasonCode.NAME_MIDDLE_DOT_POSITION, field, message, raw))
    return reasons


def normalise_name(raw: str) -> str:
    """The stored form of a name; raises `InvalidName` with every reason it fails."""
    reasons = check_name(raw)
    if reasons:
        raise InvalidName(reasons)
    return _fold(raw)
