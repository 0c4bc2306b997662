"""`check_photo`: every automatic check of an uploaded ID photo against a province's rule.

Cheap checks come first and the checks stop where later ones cannot run (an unrecognised,
corrupt or truncated file, a decompression bomb); otherwise every refusal is reported at
once, so a parent sees both a wrong size and a wrong background in one answer. A
black-and-white photo is not also told its background is not blue: that follows.
"""

from __future__ import annotations

from xueji_photo.checks import refusal_codes as codes
from xueji_photo.checks.analysis import ANALYSIS_SIDE, analyse
from xueji_photo.checks.background import background_refusals
from xueji_photo.checks.colour import colour_refusals
from xueji_photo.checks.content_format import content_format, file_head
from xueji_photo.checks.decoding import Undecodable, decode_upright, open_header, recorded_dpi
from xueji_photo.checks.dimensions import byte_refusals, dpi_refusals, size_refusals
from xueji_photo.checks.portrait import portrait_refusals
from xueji_photo.checks.sharpness import sharpness_refusals
from xueji_photo.checks.verdict import PhotoVerdict, Refusal
from xueji_photo.rules import KNOWN_FORMATS, PhotoRule


def check_photo(data: bytes, rule: PhotoRule) -> PhotoVerdict:
    refusals: list[Refusal] = byte_refusals(len(data), rule)
    allowed = "、".join(rule.formats)
    found = content_format(data)
    if found is None:
        refusals.append(codes.FORMAT_UNRECOGNISED.refusal(head=file_head(data), allowed=allowed))
        return PhotoVerdict(tuple(refusals), None, None, None, None, len(data))
    if found not in rule.formats:
        refusals.append(codes.FORMAT_NOT_ALLOWED.refusal(found=found, allowed=allowed))
    if found not in KNOWN_FORMATS:  # named, never decoded
        return PhotoVerdict(tuple(refusals), found, None, None, None, len(data))
    dpi: tuple[float, float] | None = None
    try:
        header = open_header(data, found, rule.max_pixels)
        dpi = recorded_dpi(header)
        refusals.extend(dpi_refusals(dpi, rule))
        decoded = decode_upright(data, header, ANALYSIS_SIDE)
    except Undecodable as stop:
        refusals.append(stop.refusal)
        return PhotoVerdict(tuple(refusals), found, None, None, dpi, len(data))
    upright_dpi = dpi and ((dpi[1], dpi[0]) if decoded.sideways else dpi)
    refusals.extend(size_refusals(decoded.width, decoded.height, upright_dpi, rule))
    analysis = analyse(decoded.image)
    colour = colour_refusals(decoded.image.mode, analysis.hsv)
    refusals.extend(colour)
    if not any(refusal.code == codes.GREYSCALE.code for refusal in colour):
        refusals.extend(background_refusals(analysis.rgb, analysis.hsv, rule.background))
    refusals.extend(portrait_refusals(analysis.grey, rule.face))
    refusals.extend(sharpness_refusals(analysis.grey, rule.min_sharpness))
    return PhotoVerdict(
        tuple(refusals),
        found,
        decoded.width,
        decoded.height,
        dpi,
        len(data),
        image=analysis.picture,
    )
