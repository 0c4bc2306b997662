"""No upload makes the checks raise: damaged files get a verdict with known codes."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xueji_photo.checks import check_photo
from xueji_photo.checks.refusal_codes import ALL_CODES
from xueji_photo.rules import SHANGHAI_PRESET
from xueji_stack.demo.portraits import encoded, jpeg, portrait

KNOWN = {code.code for code in ALL_CODES}


@cache
def _originals() -> tuple[bytes, ...]:
    picture = portrait(272, 354)
    return (jpeg(picture), *(encoded(picture, fmt) for fmt in ("PNG", "GIF", "WEBP")))


@settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(0, 3),
    st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=8),
    st.one_of(st.none(), st.integers(0, 2**20)),
)
def test_a_damaged_file_gets_a_verdict(
    original: int, changes: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(_originals()[original])
    for position, value in changes:
        data[position % len(data)] = value
    damaged = bytes(data[: cut % len(data)] if cut is not None else data)

    verdict = check_photo(damaged, SHANGHAI_PRESET)

    assert set(verdict.codes) <= KNOWN
    assert verdict.byte_size == len(damaged)
    if verdict.image is not None:
        assert verdict.image.mode == "RGB"
