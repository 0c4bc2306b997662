"""Decoding an upload safely: header first, the bomb guard, then the pixels, then upright.

Opening a Pillow image file reads only its header, so the declared size is checked against
the rule's `max_pixels` before a single pixel is decoded. The format's own reader is called
(not `Image.open`), so only the plugin of the format the content showed ever parses the file
and Pillow's global `MAX_IMAGE_PIXELS` never decides: the rule's limit is the only one.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageFile, ImageOps
from PIL.GifImagePlugin import GifImageFile
from PIL.JpegImagePlugin import JpegImageFile
from PIL.PngImagePlugin import PngImageFile
from PIL.WebPImagePlugin import WebPImageFile

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.content_format import looks_complete
from xueji_photo.checks.verdict import Refusal

_ORIENTATION = 0x0112
_X_RESOLUTION, _Y_RESOLUTION, _RESOLUTION_UNIT = 0x011A, 0x011B, 0x0128
_SIDEWAYS = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_HEADER_READERS: dict[str, type[ImageFile.ImageFile]] = {
    "JPEG": JpegImageFile,
    "PNG": PngImageFile,
    "GIF": GifImageFile,
    "WEBP": WebPImageFile,
}


class Undecodable(Exception):
    """The file cannot be decoded any further; carries the refusal saying why."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.code)
        self.refusal = refusal


@dataclass(frozen=True)
class Decoded:
    image: Image.Image  # upright, in the mode it was stored in (CMYK and L kept)
    width: int  # upright, at full scale even when the decoder reduced `image`
    height: int
    sideways: bool  # turned by 90°: the file's horizontal DPI is now the vertical one


def _corrupt(data: bytes, found: str) -> Undecodable:
    return Undecodable(codes.CORRUPT.refusal(format=found, byte_size=len(data)))


def _unreadable(data: bytes, found: str, error: Exception) -> Undecodable:
    """Truncated when the file stops short of its format's end, corrupt otherwise."""
    if "truncated" in str(error) or not looks_complete(data, found):
        return Undecodable(codes.TRUNCATED.refusal(format=found, byte_size=len(data)))
    return _corrupt(data, found)


def open_header(data: bytes, found: str, max_pixels: int) -> ImageFile.ImageFile:
    """The lazily opened image of format `found`: its header is read, its pixels are not."""
    try:
        image = _HEADER_READERS[found](io.BytesIO(data))
    # Pillow's plugins raise many kinds of error on hostile headers; any of them means
    # the header is unreadable, which is the answer the uploader needs.
    except Exception as error:
        raise _unreadable(data, found, error) from error
    width, height = image.size
    if width * height > max_pixels:
        raise Undecodable(
            codes.DIMENSIONS_TOO_LARGE.refusal(
                width=width, height=height, pixels=width * height, max_pixels=max_pixels
            )
        )
    if width < 1 or height < 1:
        raise _corrupt(data, found)
    return image


def recorded_dpi(image: Image.Image) -> tuple[float, float] | None:
    """The DPI the file records (JFIF density, else EXIF resolution, PNG pHYs); None if none.

    Pillow fills in 72 DPI for a JPEG whose EXIF has no resolution; that is not a recorded
    value, so the JFIF and EXIF fields are read here directly.
    """
    if image.format == "JPEG":
        unit, density = image.info.get("jfif_unit"), image.info.get("jfif_density")
        if unit in (1, 2) and density:
            scale = 2.54 if unit == 2 else 1.0
            return _positive(float(density[0]) * scale, float(density[1]) * scale)
        return _exif_dpi(image)
    dpi = image.info.get("dpi")
    return _positive(float(dpi[0]), float(dpi[1])) if dpi else None


def _exif_dpi(image: Image.Image) -> tuple[float, float] | None:
    try:
        exif = image.getexif()
        unit = exif.get(_RESOLUTION_UNIT, 2)
        x, y = exif.get(_X_RESOLUTION), exif.get(_Y_RESOLUTION)
        if unit not in (2, 3) or x is None or y is None:
            return None
        scale = 2.54 if unit == 3 else 1.0
        return _positive(float(x) * scale, float(y) * scale)
    except Exception:  # an unreadable EXIF block records no DPI; decoding judges the rest
        return None


def _positive(x: float, y: float) -> tuple[float, float] | None:
    return (x, y) if all(math.isfinite(v) and v > 0 for v in (x, y)) else None


def decode_upright(data: bytes, image: Image.Image, reduce_to: int) -> Decoded:
    """Decode the pixels (a large JPEG at a reduced scale, not below `reduce_to` on the
    longer side) and turn them upright by the EXIF orientation."""
    width, height = image.size
    if image.format == "JPEG" and max(width, height) >= 2 * reduce_to:
        image.draft(image.mode, (reduce_to, reduce_to))
    try:
        image.load()
        orientation = image.getexif().get(_ORIENTATION, 1)
        ImageOps.exif_transpose(image, in_place=True)
    except Exception as error:  # see `open_header`
        raise _unreadable(data, image.format or "?", error) from error
    sideways = orientation in _SIDEWAYS
    if sideways:
        width, height = height, width
    return Decoded(image, width, height, sideways)
