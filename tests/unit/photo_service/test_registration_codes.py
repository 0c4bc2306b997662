"""Registration codes: format, normalised typing, one-way storage, and their lifecycle."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from xueji_common.errors import DomainError
from xueji_photo.schools.codes import (
    ALPHABET,
    IssuedCode,
    code_hash,
    new_code,
    normalized,
    registering_code,
)

ISSUED = datetime(2026, 12, 1, tzinfo=UTC)


def test_codes_are_three_groups_of_unambiguous_characters_and_random() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    pattern = re.compile(f"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")
    assert all(pattern.fullmatch(code) for code in codes)
    assert not set("01ILOU") & set(ALPHABET)


def test_case_hyphens_and_spaces_do_not_matter_when_typed() -> None:
    assert normalized(" k7qm-2xwd 9rtb ") == "K7QM2XWD9RTB"
    assert code_hash("k7qm 2xwd 9rtb") == code_hash("K7QM-2XWD-9RTB")
    assert code_hash("K7QM-2XWD-9RTC") != code_hash("K7QM-2XWD-9RTB")


def test_the_hash_does_not_contain_the_code() -> None:
    assert "K7QM" not in code_hash("K7QM-2XWD-9RTB").upper()


def test_a_live_code_registers_for_its_school() -> None:
    code = IssuedCode("c-1", "2131000101", ISSUED, None)
    assert registering_code(code).school_code == "2131000101"


@pytest.mark.parametrize(
    "code", [None, IssuedCode("c-1", "2131000101", ISSUED, datetime(2026, 12, 2, tzinfo=UTC))]
)
def test_an_unknown_or_revoked_code_registers_nobody(code: IssuedCode | None) -> None:
    with pytest.raises(DomainError) as refused:
        registering_code(code)
    assert refused.value.error.code == "PHOTO_REGISTRATION_CODE_INVALID"
