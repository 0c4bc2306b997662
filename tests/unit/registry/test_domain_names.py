import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.unit.registry.registry_domain_samples import relaxed
from xueji_registry.domain.names import (
    MIDDLE_DOT,
    NAME_MAX_LENGTH,
    InvalidName,
    check_name,
    normalise_name,
)
from xueji_registry.domain.reason_codes import ReasonCode as C


def codes(raw: str) -> list[str]:
    return [r.code for r in check_name(raw)]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("张三", "张三"),
        ("  张三\u3000", "张三"),
        ("\t李四 ", "李四"),
        ("ＪＯＨＮ　ＳＭＩＴＨ", "JOHN SMITH"),
        ("John  Smith", "John  Smith"),  # inner spacing is not ours to change
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),  # U+30FB
        ("阿依古丽･买买提", "阿依古丽·买买提"),  # U+FF65
        ("阿依古丽‧买买提", "阿依古丽·买买提"),  # U+2027
    ],
)
def test_normalisation(raw: str, stored: str) -> None:
    assert normalise_name(raw) == stored


@pytest.mark.parametrize(
    "name",
    [
        "王𠀀",  # CJK extension B, outside the BMP
        "𪚥",  # extension B
        "李\U00031350",  # extension G
        "赵\ufa10",  # CJK compatibility ideograph: NFKC would rewrite it
        "刘\u8fb6\U000e0100",  # base character + ideographic variation selector
        "陈\ue000",  # private use: legacy encodings of unencoded characters
        "䶮",  # extension A
        "周\U0003134b",  # extension G, last assigned block in older tables
    ],
)
def test_rare_characters_are_kept_exactly(name: str) -> None:
    assert normalise_name(name) == name


@pytest.mark.parametrize("raw", ["", "   ", "\u3000\u3000", "\t\n"])
def test_empty(raw: str) -> None:
    assert codes(raw) == [C.NAME_EMPTY]


@pytest.mark.parametrize(
    "raw", ["张\t三", "张\n三", "张\x00三", "张\u200b三", "张\ufeff三", "张\u202e三", "张\u2028三"]
)
def test_control_and_invisible_characters_are_rejected(raw: str) -> None:
    assert codes(raw) == [C.NAME_CONTROL_CHARACTERS]
    with pytest.raises(InvalidName):
        normalise_name(raw)


def test_control_character_message_names_the_code_point() -> None:
    (reason,) = check_name("张\u200b三")
    assert "U+200B" in reason.message
    assert reason.field == "name"
    assert reason.value == "张\u200b三"


@pytest.mark.parametrize("raw", ["·买买提", "阿依古丽·", "阿依古丽··买买提", "・买买提"])
def test_middle_dot_position(raw: str) -> None:
    assert codes(raw) == [C.NAME_MIDDLE_DOT_POSITION]


def test_too_long() -> None:
    assert codes("张" * NAME_MAX_LENGTH) == []
    assert codes("张" * (NAME_MAX_LENGTH + 1)) == [C.NAME_TOO_LONG]


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
rare = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)


@relaxed
@given(st.text(alphabet=st.one_of(cjk, rare), min_size=1, max_size=8))
def test_chinese_names_are_stored_unchanged(name: str) -> None:
    assert normalise_name(name) == name


@relaxed
@given(
    st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=20)
)
def test_full_width_ascii_folds_to_ascii(name: str) -> None:
    if MIDDLE_DOT in name:
        return
    full = "".join(chr(ord(ch) + 0xFEE0) for ch in name)
    assert normalise_name(full) == normalise_name(name) == name


@relaxed
@given(st.text(min_size=1, max_size=10))
def test_normalising_twice_changes_nothing(raw: str) -> None:
    if check_name(raw):
        return
    once = normalise_name(raw)
    assert normalise_name(once) == once
