"""A portrait: exactly one frontal face, of the rule's size, where the rule puts it."""

from __future__ import annotations

import numpy as np

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.face_detector import detect_faces
from xueji_photo.checks.verdict import Refusal
from xueji_photo.rules import FaceBounds


def _percent(share: float) -> int:
    return round(share * 100)


def portrait_refusals(grey: np.ndarray, bounds: FaceBounds) -> list[Refusal]:
    faces = detect_faces(grey)
    if not faces:
        return [codes.NO_FACE.refusal()]
    if len(faces) > 1:
        return [codes.MULTIPLE_FACES.refusal(count=len(faces))]
    face = faces[0]
    height, width = grey.shape
    refusals: list[Refusal] = []
    share = face.height / height
    if not bounds.height_min <= share <= bounds.height_max:
        code = codes.FACE_TOO_SMALL if share < bounds.height_min else codes.FACE_TOO_LARGE
        refusals.append(
            code.refusal(
                ratio=_percent(share),
                min=_percent(bounds.height_min),
                max=_percent(bounds.height_max),
            )
        )
    centre_x = (face.x + face.width / 2) / width
    centre_y = (face.y + face.height / 2) / height
    if not (
        bounds.centre_x_min <= centre_x <= bounds.centre_x_max
        and bounds.centre_y_min <= centre_y <= bounds.centre_y_max
    ):
        refusals.append(
            codes.FACE_OFF_CENTRE.refusal(
                x=_percent(centre_x),
                y=_percent(centre_y),
                x_min=_percent(bounds.centre_x_min),
                x_max=_percent(bounds.centre_x_max),
                y_min=_percent(bounds.centre_y_min),
                y_max=_percent(bounds.centre_y_max),
            )
        )
    return refusals
