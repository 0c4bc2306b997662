"""A parent's typed name against the roster's: exact after NFC and trimming."""

from __future__ import annotations

import unicodedata

from xueji_photo.parents.names import same_name


def test_surrounding_whitespace_does_not_matter() -> None:
    assert same_name("张小明", " 张小明\u3000")


def test_composed_and_decomposed_forms_are_the_same_name() -> None:
    composed = "Zoë"
    assert same_name(composed, unicodedata.normalize("NFD", composed))


def test_any_other_difference_is_another_name() -> None:
    assert not same_name("张小明", "张晓明")
    assert not same_name("张小明", "张 小明")
    assert not same_name("Zoe", "zoe")


def test_an_empty_name_matches_nothing() -> None:
    assert not same_name("", "  ")
