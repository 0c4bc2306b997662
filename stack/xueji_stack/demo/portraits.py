"""Real portraits for the photo checks, made from scikit-image's astronaut photo.

`skimage.data.astronaut()` (Eileen Collins, NASA, public domain) ships inside the wheel. Its
background is painted light blue around the head, as a photographer's backdrop would be;
the face and the suit stay the real photo. Crops place the face as a variant needs.
"""

from __future__ import annotations

import io
from functools import cache

import numpy as np
from PIL import Image, ImageDraw
from skimage import data as skimage_data

LIGHT_BLUE = (160, 205, 245)
# Where the astronaut's face and head are in the 512×512 original (the face box is what
# OpenCV's frontal-face cascade finds there).
FACE_CENTRE = (224.5, 113.5)
FACE_HEIGHT = 95.0
HEAD_BOX = (146, 8, 306, 192)  # hair included
SHOULDERS_TOP = 165  # below this the suit fills the frame; the backdrop is not repainted
_PAD = 512  # the painted photo sits in a backdrop this wide on every side


@cache
def astronaut(backdrop: tuple[int, int, int] | None = LIGHT_BLUE) -> Image.Image:
    """The astronaut photo on a wide backdrop of colour `backdrop` (None: the original
    studio background, also around the photo's edges)."""
    photo = Image.fromarray(skimage_data.astronaut())
    if backdrop is None:
        edge = tuple(int(c) for c in np.asarray(photo)[:20, 200:300].reshape(-1, 3).mean(0))
        canvas = Image.new("RGB", (512 + 2 * _PAD, 512 + 2 * _PAD), edge)
        canvas.paste(photo, (_PAD, _PAD))
        return canvas
    head = Image.new("L", photo.size, 0)
    ImageDraw.Draw(head).ellipse(HEAD_BOX, fill=255)
    upper = Image.new("L", photo.size, 0)
    ImageDraw.Draw(upper).rectangle((0, 0, 511, SHOULDERS_TOP), fill=255)
    painted = np.where((np.asarray(upper) > 0) & (np.asarray(head) == 0), 255, 0).astype(np.uint8)
    photo.paste(Image.new("RGB", photo.size, backdrop), mask=Image.fromarray(painted))
    canvas = Image.new("RGB", (512 + 2 * _PAD, 512 + 2 * _PAD), backdrop)
    canvas.paste(photo, (_PAD, _PAD))
    return canvas


def portrait(
    width: int,
    height: int,
    *,
    face_share: float = 0.40,
    centre: tuple[float, float] = (0.5, 0.42),
    backdrop: tuple[int, int, int] | None = LIGHT_BLUE,
) -> Image.Image:
    """A `width`×`height` crop whose face box is `face_share` of the height, centred at
    `centre` (fractions of the width and height)."""
    crop_height = FACE_HEIGHT / face_share
    crop_width = crop_height * width / height
    left = FACE_CENTRE[0] - centre[0] * crop_width + _PAD
    top = FACE_CENTRE[1] - centre[1] * crop_height + _PAD
    box = (left, top, left + crop_width, top + crop_height)
    return astronaut(backdrop).resize((width, height), Image.Resampling.LANCZOS, box=box)


def faceless(width: int, height: int) -> Image.Image:
    """The portrait with the head turned upside down: real pixels, no frontal face."""
    picture = portrait(width, height).copy()
    scale = height * 0.40 / FACE_HEIGHT
    box = (
        round(width / 2 - 60 * scale),
        round(height * 0.42 - 70 * scale),
        round(width / 2 + 60 * scale),
        round(height * 0.42 + 70 * scale),
    )
    picture.paste(picture.crop(box).transpose(Image.Transpose.ROTATE_180), box[:2])
    return picture


def two_portraits(width: int, height: int) -> Image.Image:
    """Two small portraits side by side on the backdrop, clear of the border regions."""
    half = portrait(round(width * 0.43), round(height * 0.43), face_share=0.35)
    canvas = Image.new("RGB", (width, height), LIGHT_BLUE)
    top = round(height * 0.28)
    canvas.paste(half, (round(width * 0.05), top))
    canvas.paste(half, (width - half.width - round(width * 0.05), top))
    return canvas


def jpeg(
    picture: Image.Image, *, dpi: tuple[int, int] | None = (300, 300), **options: object
) -> bytes:
    """`picture` saved as a JPEG recording `dpi` (None: no resolution recorded)."""
    buffer = io.BytesIO()
    if dpi is not None:
        options["dpi"] = dpi
    picture.save(buffer, "JPEG", quality=options.pop("quality", 90), **options)
    return buffer.getvalue()


def encoded(picture: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()
