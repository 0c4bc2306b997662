"""Frontal faces, found by OpenCV's Haar cascade bundled in the opencv-python-headless wheel.

The model file ships inside the wheel (`cv2/data`), so it loads offline. A classifier keeps
the image it is working on inside itself, so threads cannot share one: each thread that
checks photos loads the model once and keeps it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import cv2
import numpy as np

MODEL = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"
SCALE_FACTOR = 1.1
MIN_NEIGHBOURS = 5
# Faces smaller than this share of the picture's shorter side are not looked for: they are
# far below any rule's face bounds, and every smaller scale costs another pass.
MIN_FACE_SHARE = 0.12

_loaded = threading.local()


@dataclass(frozen=True)
class FaceBox:
    x: int
    y: int
    width: int
    height: int


def _classifier() -> cv2.CascadeClassifier:
    classifier = getattr(_loaded, "classifier", None)
    if classifier is None:
        classifier = cv2.CascadeClassifier(MODEL)
        if classifier.empty():
            raise RuntimeError(f"the face model {MODEL} did not load")
        _loaded.classifier = classifier
    return classifier


def detect_faces(grey: np.ndarray) -> tuple[FaceBox, ...]:
    """Every frontal face in `grey` (uint8, height × width)."""
    smallest = max(24, round(min(grey.shape) * MIN_FACE_SHARE))
    found = _classifier().detectMultiScale(
        grey, scaleFactor=SCALE_FACTOR, minNeighbors=MIN_NEIGHBOURS, minSize=(smallest, smallest)
    )
    return tuple(FaceBox(int(x), int(y), int(w), int(h)) for x, y, w, h in found)
