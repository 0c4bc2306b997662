"""Colour photos only: CMYK files (made for print) and black-and-white photos are refused."""

from __future__ import annotations

import numpy as np

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.verdict import Refusal

_GREY_MODES = ("1", "L", "LA", "La", "F", "I")  # and I;16 and its byte orders
# A colour photo has some clearly coloured pixels (skin, lips, the background); a grey
# photo saved as RGB has only compression noise, a few units of chroma.
_CHROMA_MIN = 24
_COLOURED_FRACTION_MIN = 0.01


def colour_refusals(mode: str, hsv: np.ndarray) -> list[Refusal]:
    """`mode` is the stored colour mode; `hsv` the analysis picture (see `analysis`)."""
    if mode == "CMYK":
        return [codes.CMYK.refusal()]
    if mode in _GREY_MODES or mode.startswith("I;"):
        return [codes.GREYSCALE.refusal(found=f"灰度模式 {mode}")]
    # chroma = value × saturation; compared as value × saturation > chroma × 255
    chroma_scaled = hsv[:, :, 1].astype(np.uint16) * hsv[:, :, 2]
    coloured = np.count_nonzero(chroma_scaled > _CHROMA_MIN * 255) / chroma_scaled.size
    if coloured < _COLOURED_FRACTION_MIN:
        return [codes.GREYSCALE.refusal(found=f"{mode} 模式但只有 {coloured:.1%} 的像素有颜色")]
    return []
