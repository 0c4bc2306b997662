"""Sharp enough to print? The variance of the Laplacian: edges give it, blur takes it away."""

from __future__ import annotations

import cv2
import numpy as np

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.verdict import Refusal


def sharpness(grey: np.ndarray) -> float:
    """Variance of the 3×3 Laplacian of `grey` (uint8), on the analysis picture's scale."""
    _, deviation = cv2.meanStdDev(cv2.Laplacian(grey, cv2.CV_16S))
    return float(deviation[0][0]) ** 2


def sharpness_refusals(grey: np.ndarray, min_sharpness: float) -> list[Refusal]:
    measured = sharpness(grey)
    if measured >= min_sharpness:
        return []
    return [codes.BLURRED.refusal(sharpness=f"{measured:.1f}", min_sharpness=f"{min_sharpness:g}")]
