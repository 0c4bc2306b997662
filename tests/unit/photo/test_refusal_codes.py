"""The refusal catalogue: one stable code per check, each template filled from measurements."""

from __future__ import annotations

import string

from xueji_photo.checks.refusal_codes import ALL_CODES


def test_codes_are_unique_and_named_for_the_photo_service() -> None:
    names = [code.code for code in ALL_CODES]
    assert len(names) == len(set(names)) >= 20
    assert all(name.startswith("PHOTO_") and name.isupper() for name in names)


def test_templates_are_chinese_and_take_only_named_values() -> None:
    for code in ALL_CODES:
        fields = [f for _, f, _, _ in string.Formatter().parse(code.template) if f is not None]
        assert all(f.isidentifier() for f in fields), code.code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in code.template), code.code

