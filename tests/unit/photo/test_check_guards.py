"""How the checks treat what they are given: content over names, headers before pixels,
the EXIF orientation before measuring, and what the verdict hands on for a thumbnail."""

from __future__ import annotations

import dataclasses
import io
import warnings
from pathlib import Path

import pytest
from PIL import Image

from tests.unit.photo.photo_corpus import declaring_size, with_orientation
from xueji_photo.checks import check_photo
from xueji_photo.checks import refusal_codes as codes
from xueji_photo.rules import NATIONAL_PRESET, SHANGHAI_PRESET
from xueji_stack.demo.portraits import encoded, jpeg, portrait


def test_the_file_name_proves_nothing(tmp_path: Path) -> None:
    picture = portrait(272, 354)
    lying_png = tmp_path / "学生照片.jpg"
    lying_png.write_bytes(encoded(picture, "PNG", dpi=(300, 300)))
    honest_jpeg = tmp_path / "photo.png"
    honest_jpeg.write_bytes(jpeg(picture))

    refused = check_photo(lying_png.read_bytes(), SHANGHAI_PRESET)
    accepted = check_photo(honest_jpeg.read_bytes(), SHANGHAI_PRESET)

    assert refused.format == "PNG"
    assert refused.refusals == (codes.FORMAT_NOT_ALLOWED.refusal(found="PNG", allowed="JPEG"),)
    assert accepted.accepted and accepted.format == "JPEG"


def test_a_bomb_is_refused_from_its_header_without_pillows_own_limit() -> None:
    bomb = declaring_size(jpeg(portrait(272, 354)), 65000, 65000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow's DecompressionBombWarning would raise here
        verdict = check_photo(bomb, SHANGHAI_PRESET)
    assert verdict.codes == (codes.DIMENSIONS_TOO_LARGE.code,)
    assert "65000×65000" in verdict.refusals[0].message
    assert verdict.image is None


def test_the_rules_pixel_guard_decides_below_pillows() -> None:
    # 8,000 × 8,000 is below Pillow's warning limit yet above the rule's guard.
    small_guard = dataclasses.replace(SHANGHAI_PRESET, max_pixels=8000 * 8000 - 1)
    data = declaring_size(jpeg(portrait(272, 354)), 8000, 8000)
    verdict = check_photo(data, small_guard)
    assert verdict.codes == (codes.DIMENSIONS_TOO_LARGE.code,)
    assert "64000000 像素，超过上限 63999999 像素" in verdict.refusals[0].message


@pytest.mark.parametrize("orientation", [6, 8])
def test_exif_orientation_is_applied_before_measuring(orientation: int) -> None:
    picture = portrait(272, 354)
    turn = 90 if orientation == 6 else -90  # what the camera stored; the tag undoes it
    stored = with_orientation(picture.rotate(turn, expand=True), orientation)
    verdict = check_photo(stored, SHANGHAI_PRESET)
    assert verdict.accepted, verdict.refusals
    assert (verdict.width, verdict.height) == (272, 354)
    assert verdict.image is not None and verdict.image.size == (272, 354)


def test_the_verdict_hands_on_the_upright_rgb_picture() -> None:
    data = jpeg(portrait(272, 354))
    verdict = check_photo(data, SHANGHAI_PRESET)
    assert verdict.image is not None
    assert verdict.image.mode == "RGB" and verdict.image.size == (272, 354)
    redecoded = Image.open(io.BytesIO(data)).convert("RGB")
    assert verdict.image.tobytes() == redecoded.tobytes()


def test_a_large_jpeg_is_decoded_reduced_but_measured_whole() -> None:
    verdict = check_photo(jpeg(portrait(2480, 3052), dpi=(2424, 2424)), NATIONAL_PRESET)
    assert (verdict.width, verdict.height) == (2480, 3052)
    assert verdict.image is not None and 480 <= max(verdict.image.size) < 3052
    assert codes.TOO_MANY_BYTES.code in verdict.codes  # a 26×32 mm photo at 2424 DPI


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "WEBP"])
def test_other_formats_cut_short_are_truncated_not_corrupt(fmt: str) -> None:
    data = encoded(portrait(272, 354), fmt)
    verdict = check_photo(data[: len(data) // 2], SHANGHAI_PRESET)
    assert verdict.codes[0] == codes.FORMAT_NOT_ALLOWED.code
    assert verdict.codes[-1] == codes.TRUNCATED.code


def test_an_empty_upload_is_named() -> None:
    verdict = check_photo(b"", SHANGHAI_PRESET)
    assert verdict.codes == (codes.FORMAT_UNRECOGNISED.code,)
    assert "空文件" in verdict.refusals[0].message
    assert (verdict.format, verdict.width, verdict.byte_size) == (None, None, 0)


def _exif(**tags: object) -> bytes:
    exif = Image.Exif()
    for tag, value in tags.items():
        exif[int(tag.removeprefix("tag_"), 16)] = value
    return exif.tobytes()


def test_the_dpi_is_read_from_exif_when_jfif_has_none() -> None:
    picture = portrait(272, 354)
    recorded = jpeg(picture, dpi=None, exif=_exif(tag_011A=300.0, tag_011B=300.0, tag_0128=2))
    unrecorded = jpeg(picture, dpi=None, exif=_exif(tag_010F="camera"))

    assert check_photo(recorded, SHANGHAI_PRESET).dpi == (300.0, 300.0)
    # Pillow would report 72 DPI for this file; nothing in it says so.
    assert check_photo(unrecorded, SHANGHAI_PRESET).codes == (codes.DPI_MISSING.code,)


def test_dots_per_centimetre_round_to_the_dpi_they_mean() -> None:
    data = bytearray(jpeg(portrait(272, 354)))
    jfif = data.index(b"JFIF\x00")
    # units 2 (per cm), 118 × 118: what an editor set to "300 DPI" in centimetres writes
    data[jfif + 7 : jfif + 12] = b"\x02" + (118).to_bytes(2, "big") * 2
    verdict = check_photo(bytes(data), SHANGHAI_PRESET)
    assert verdict.dpi is not None and round(verdict.dpi[0], 2) == 299.72
    assert verdict.accepted, verdict.refusals
