"""The picture the content checks look at: upright RGB, at most `ANALYSIS_SIDE` pixels long.

The background, face and sharpness measures are taken on this picture, so their cost does
not grow with an oversized upload and the sharpness threshold means the same at any size.
Photos of the presets (272×354, 26×32 mm at a few hundred DPI) are analysed as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

ANALYSIS_SIDE = 480


@dataclass(frozen=True)
class Analysis:
    picture: Image.Image  # upright RGB at the decoded scale: what the verdict hands on
    rgb: np.ndarray  # height × width × 3, uint8, at most ANALYSIS_SIDE on the longer side
    grey: np.ndarray  # height × width, uint8
    hsv: np.ndarray  # OpenCV's 8-bit HSV: hue in half degrees, saturation and value 0..255


def analyse(image: Image.Image) -> Analysis:
    picture = image if image.mode == "RGB" else image.convert("RGB")
    reduced = picture
    if max(picture.size) > ANALYSIS_SIDE:
        scale = ANALYSIS_SIDE / max(picture.size)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        reduced = picture.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    rgb = np.asarray(reduced)
    return Analysis(
        picture=picture,
        rgb=rgb,
        grey=cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY),
        hsv=cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV),
    )
