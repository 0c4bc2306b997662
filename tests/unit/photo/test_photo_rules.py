"""Photo rules survive storage as JSON unchanged, and bad rule data never loads."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xueji_photo.rules import (
    KNOWN_FORMATS,
    NATIONAL_PRESET,
    SHANGHAI_PRESET,
    BackgroundRule,
    FaceBounds,
    InvalidPhotoRule,
    PhotoRule,
    PixelSize,
    PrintSize,
)

relaxed = settings(deadline=None, max_examples=60)


def _bounds(low: float, high: float) -> st.SearchStrategy[tuple[float, float]]:
    return st.tuples(st.floats(low, high), st.floats(low, high)).filter(lambda b: b[0] < b[1])


@st.composite
def photo_rules(draw: st.DrawFn) -> PhotoRule:
    by_pixels = draw(st.booleans())
    pixel_size = (
        PixelSize(draw(st.integers(16, 2000)), draw(st.integers(16, 2000))) if by_pixels else None
    )
    print_size = (
        None
        if by_pixels
        else PrintSize(draw(st.floats(5, 200)), draw(st.floats(5, 200)), draw(st.floats(0, 5)))
    )
    hue, saturation = draw(_bounds(0, 360)), draw(_bounds(0, 1))
    value_min, min_fraction = draw(st.floats(0, 1)), draw(st.floats(0.01, 1))
    height, centre_x, centre_y = draw(_bounds(0, 1)), draw(_bounds(0, 1)), draw(_bounds(0, 1))
    return PhotoRule(
        rule_id=draw(st.from_regex(r"[a-z0-9-]{1,64}", fullmatch=True)),
        version=draw(st.integers(1, 10_000)),
        formats=tuple(draw(st.lists(st.sampled_from(KNOWN_FORMATS), min_size=1, unique=True))),
        pixel_size=pixel_size,
        print_size=print_size,
        min_dpi=draw(st.floats(1, 2400)),
        max_bytes=draw(st.integers(1024, 50 * 1024**2)),
        max_pixels=draw(st.integers(2000 * 2000, 80_000_000)),
        background=BackgroundRule(*hue, *saturation, value_min, min_fraction),
        face=FaceBounds(*height, *centre_x, *centre_y),
        min_sharpness=draw(st.floats(0, 10_000)),
    )


@relaxed
@given(photo_rules())
def test_a_rule_round_trips_through_json(rule: PhotoRule) -> None:
    stored = json.dumps(rule.to_dict())
    assert PhotoRule.from_dict(json.loads(stored)) == rule


def test_the_presets_round_trip_with_their_version() -> None:
    for preset in (SHANGHAI_PRESET, NATIONAL_PRESET):
        loaded = PhotoRule.from_dict(json.loads(json.dumps(preset.to_dict())))
        assert loaded == preset and loaded.version == preset.version == 1


def _spoiled(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(SHANGHAI_PRESET.to_dict())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("version",), 0),
        (("version",), "1"),
        (("version",), True),
        (("rule_id",), ""),
        (("formats",), []),
        (("formats",), ["JPEG", "JPEG"]),
        (("formats",), ["TIFF"]),
        (("formats",), "JPEG"),
        (("pixel_size",), None),  # neither size
        (("print_size",), {"width_mm": 26, "height_mm": 32, "tolerance_mm": 0.5}),  # both
        (("pixel_size", "width"), 272.5),
        (("pixel_size", "height"), 0),
        (("min_dpi",), math.nan),
        (("min_dpi",), -1),
        (("max_bytes",), 10),
        (("max_pixels",), 100_000_000),  # above Pillow's own limit: it would speak first
        (("max_pixels",), 1000),  # below the rule's own pixel size
        (("background", "hue_min"), 300.0),  # above hue_max
        (("background", "min_fraction"), 0),
        (("background", "value_min"), "0.6"),
        (("face", "height_max"), 1.5),
        (("face", "centre_x_min"), 0.9),
        (("min_sharpness",), -1),
        (("min_sharpness",), None),
    ],
)
def test_invalid_rule_data_is_refused(path: tuple[str, ...], value: Any) -> None:
    with pytest.raises(InvalidPhotoRule):
        PhotoRule.from_dict(_spoiled(path, value))


@pytest.mark.parametrize("part", [None, "background", "face", "pixel_size"])
def test_missing_or_unknown_keys_are_refused(part: str | None) -> None:
    data = copy.deepcopy(SHANGHAI_PRESET.to_dict())
    target = data if part is None else data[part]
    target["extra"] = 1
    with pytest.raises(InvalidPhotoRule, match="unknown"):
        PhotoRule.from_dict(data)
    del target["extra"]
    target.pop(next(iter(target)))
    with pytest.raises(InvalidPhotoRule, match="missing"):
        PhotoRule.from_dict(data)


@relaxed
@given(st.one_of(st.none(), st.integers(), st.text(), st.lists(st.integers())))
def test_data_that_is_not_an_object_is_refused(data: object) -> None:
    with pytest.raises(InvalidPhotoRule):
        PhotoRule.from_dict(data)


def test_every_problem_is_named_at_once() -> None:
    data = _spoiled(("version",), 0)
    data["min_dpi"] = 0
    with pytest.raises(InvalidPhotoRule) as raised:
        PhotoRule.from_dict(data)
    assert "version" in str(raised.value) and "min_dpi" in str(raised.value)
