"""Is the background light blue? Measured where a portrait leaves it bare.

The regions are the two top corners and the upper parts of both sides: hair may reach into
them and shoulders rise below them, so the rule asks for a fraction of light-blue pixels,
not all of them.
"""

from __future__ import annotations

import numpy as np

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.verdict import Refusal
from xueji_photo.rules import BackgroundRule

CORNER_WIDTH, CORNER_HEIGHT = 0.15, 0.12  # of the picture's width and height
STRIP_WIDTH, STRIP_BOTTOM = 0.08, 0.50


def border_pixels(image: np.ndarray) -> np.ndarray:
    """The pixels of the border regions of `image` (height × width × channels), as rows."""
    height, width = image.shape[:2]
    corner_w = max(1, round(width * CORNER_WIDTH))
    corner_h = max(1, round(height * CORNER_HEIGHT))
    strip_w = max(1, round(width * STRIP_WIDTH))
    strip_bottom = max(corner_h + 1, round(height * STRIP_BOTTOM))
    regions = (
        image[:corner_h, :corner_w],
        image[:corner_h, width - corner_w :],
        image[corner_h:strip_bottom, :strip_w],
        image[corner_h:strip_bottom, width - strip_w :],
    )
    return np.concatenate([region.reshape(-1, image.shape[2]) for region in regions])


def background_refusals(rgb: np.ndarray, hsv: np.ndarray, rule: BackgroundRule) -> list[Refusal]:
    pixels = border_pixels(hsv)
    hue = pixels[:, 0].astype(np.float32) * 2.0  # OpenCV keeps hue in half degrees
    saturation = pixels[:, 1].astype(np.float32) / 255.0
    value = pixels[:, 2].astype(np.float32) / 255.0
    light_blue = (
        (hue >= rule.hue_min)
        & (hue <= rule.hue_max)
        & (saturation >= rule.saturation_min)
        & (saturation <= rule.saturation_max)
        & (value >= rule.value_min)
    )
    fraction = float(np.count_nonzero(light_blue)) / len(pixels)
    if fraction >= rule.min_fraction:
        return []
    red, green, blue = (round(float(c)) for c in border_pixels(rgb).mean(axis=0))
    return [
        codes.BACKGROUND_NOT_LIGHT_BLUE.refusal(
            fraction=round(fraction * 100),
            red=red,
            green=green,
            blue=blue,
            min_fraction=round(rule.min_fraction * 100),
        )
    ]
