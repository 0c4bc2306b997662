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
# The reduced copy is only searched for faces, not measured: coarser steps still find them.
SEARCH_SCALE_FACTOR = 1.15
MIN_NEIGHBOURS = 5
# Faces smaller than this share of the picture's shorter side are not looked for: they are
# far below any rule's face bounds, and every smaller scale costs another pass.
MIN_FACE_SHARE = 0.12
# The cascade's own window: a face it finds is never smaller than this in the scanned image.
WINDOW = 24
# A face found on the reduced copy is measured again at sizes within this factor of the
# rough one.
REFINE_SPREAD = 1.5

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


def _scan(
    grey: np.ndarray, smallest: int, largest: int = 0, step: float = SCALE_FACTOR
) -> list[FaceBox]:
    found = _classifier().detectMultiScale(
        grey,
        scaleFactor=step,
        minNeighbors=MIN_NEIGHBOURS,
        minSize=(smallest, smallest),
        maxSize=(largest, largest),
    )
    return [FaceBox(int(x), int(y), int(w), int(h)) for x, y, w, h in found]


def _refined(grey: np.ndarray, rough: FaceBox) -> FaceBox:
    """The face at full resolution, scanned for only at sizes near the one the reduced copy saw.

    The whole picture is scanned, so the windows tried are those of a full scan; the large
    sizes it is limited to cost little (few positions each).
    """
    found = _scan(grey, max(WINDOW, round(rough.width / REFINE_SPREAD)),
                  round(rough.width * REFINE_SPREAD))  # fmt: skip
    centre = rough.x + rough.width / 2, rough.y + rough.height / 2
    near = [
        f for f in found
        if f.x <= centre[0] <= f.x + f.width and f.y <= centre[1] <= f.y + f.height
    ]  # fmt: skip
    return near[0] if len(near) == 1 else rough


def detect_faces(grey: np.ndarray) -> tuple[FaceBox, ...]:
    """Every frontal face in `grey` (uint8, height × width), in `grey`'s coordinates.

    The cascade first scans a copy reduced so that the smallest face looked for fills its
    window: it finds the same faces as on the full picture at a fraction of the pixels (the
    cost of a scan grows with them), in coarser steps. Each face found is then measured
    again at full resolution over the few sizes near it only, so its box is the one a full
    scan would give: the rules' bounds are judged to the percent.
    """
    smallest = max(WINDOW, round(min(grey.shape) * MIN_FACE_SHARE))
    scale = WINDOW / smallest
    if scale >= 1:
        return tuple(_scan(grey, smallest))
    size = (max(1, round(grey.shape[1] * scale)), max(1, round(grey.shape[0] * scale)))
    reduced = cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
    back = grey.shape[1] / reduced.shape[1], grey.shape[0] / reduced.shape[0]
    rough = (
        FaceBox(round(f.x * back[0]), round(f.y * back[1]), round(f.width * back[0]),
                round(f.height * back[1]))
        for f in _scan(reduced, WINDOW, step=SEARCH_SCALE_FACTOR)
    )  # fmt: skip
    return tuple(_refined(grey, face) for face in rough)
