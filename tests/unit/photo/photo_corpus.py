"""The photo corpus: valid portraits for both presets and a file for every refusal reason.

Everything is made at run time from the astronaut portrait (`xueji_stack.demo.portraits`,
which `make up`'s demo uploads from too); nothing binary is committed. Each sample names the
refusals it must get (none: accepted) and, for each, a measured value its Chinese message must
show. The benchmark checks the same corpus.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageFilter

from xueji_photo.checks import refusal_codes as c
from xueji_photo.checks.refusal_codes import RefusalCode
from xueji_photo.rules import NATIONAL_PRESET, SHANGHAI_PRESET, PhotoRule
from xueji_stack.demo.portraits import encoded, faceless, jpeg, portrait, two_portraits

SHANGHAI_SIZE = (272, 354)
NATIONAL_SIZE = (358, 441)  # 26×32 mm at 350 DPI, the national collection's usual file
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Sample:
    name: str
    data: bytes
    rule: PhotoRule
    shows: tuple[tuple[str, str], ...]  # (refusal code, text its message contains), in order

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.shows)


def with_orientation(picture: Image.Image, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    return jpeg(picture, exif=exif.tobytes())


def declaring_size(data: bytes, width: int, height: int) -> bytes:
    """The JPEG `data` with its frame header (SOF0) claiming `width`×`height` pixels."""
    frame = data.index(b"\xff\xc0")
    patched = bytearray(data)
    patched[frame + 5 : frame + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(patched)


def scrambled_tables(data: bytes) -> bytes:
    """The JPEG `data` with its Huffman tables overwritten: the header is still a JPEG's."""
    tables = data.index(b"\xff\xc4")
    patched = bytearray(data)
    patched[tables + 4 : tables + 400] = b"\xff" * 396
    return bytes(patched)


def _sample(name: str, data: bytes, rule: PhotoRule, *shows: tuple[RefusalCode, str]) -> Sample:
    return Sample(name, data, rule, tuple((code.code, text) for code, text in shows))


def _shanghai() -> list[Sample]:
    rule, (width, height) = SHANGHAI_PRESET, SHANGHAI_SIZE
    picture = portrait(width, height)
    valid = jpeg(picture)
    cut = len(valid) * 6 // 10
    padded = len(valid) + 1100 * 1024
    return [
        _sample("shanghai valid", valid, rule),
        _sample("upright by EXIF", with_orientation(picture.rotate(90, expand=True), 6), rule),
        _sample(
            "PNG", encoded(picture, "PNG", dpi=(300, 300)), rule, (c.FORMAT_NOT_ALLOWED, "PNG")
        ),
        _sample(
            "GIF", encoded(picture, "GIF"), rule,
            (c.FORMAT_NOT_ALLOWED, "GIF"), (c.DPI_MISSING, "300 DPI"),
        ),
        _sample(
            "WebP", encoded(picture, "WEBP", quality=90), rule,
            (c.FORMAT_NOT_ALLOWED, "WEBP"), (c.DPI_MISSING, "300 DPI"),
        ),
        _sample("BMP", encoded(picture, "BMP"), rule, (c.FORMAT_NOT_ALLOWED, "BMP")),
        _sample(
            "not an image", "学生照片".encode() * 10, rule, (c.FORMAT_UNRECOGNISED, "E5 AD A6")
        ),
        _sample("truncated", valid[:cut], rule, (c.TRUNCATED, f"{cut} 字节")),
        _sample("corrupt", scrambled_tables(valid), rule, (c.CORRUPT, f"{len(valid)} 字节")),
        _sample(
            "wrong size", jpeg(portrait(300, 390)), rule,
            (c.WIDTH_WRONG, "宽度 300 像素，应为 272 像素"), (c.HEIGHT_WRONG, "高度 390 像素"),
        ),
        _sample(
            "wrong size and background", jpeg(portrait(300, 390, backdrop=None)), rule,
            (c.WIDTH_WRONG, "宽度 300 像素"), (c.HEIGHT_WRONG, "高度 390 像素"),
            (c.BACKGROUND_NOT_LIGHT_BLUE, "浅蓝色只占 0%"),
        ),
        _sample("no DPI", jpeg(picture, dpi=None), rule, (c.DPI_MISSING, "300 DPI")),
        _sample("low DPI", jpeg(picture, dpi=(72, 72)), rule, (c.DPI_TOO_LOW, "分辨率 72 DPI")),
        _sample(
            "too many bytes", valid + bytes(1100 * 1024), rule, (c.TOO_MANY_BYTES, f"{padded} 字节")
        ),
        _sample(
            "sideways by EXIF", with_orientation(picture, 6), rule,
            (c.WIDTH_WRONG, "宽度 354 像素"), (c.HEIGHT_WRONG, "高度 272 像素"),
            (c.BACKGROUND_NOT_LIGHT_BLUE, "浅蓝色只占"), (c.NO_FACE, "0 张"),
        ),
        _sample("CMYK", jpeg(picture.convert("CMYK")), rule, (c.CMYK, "CMYK")),
        _sample("greyscale", jpeg(picture.convert("L")), rule, (c.GREYSCALE, "灰度模式 L")),
        _sample(
            "grey saved as RGB", jpeg(picture.convert("L").convert("RGB")), rule,
            (c.GREYSCALE, "0.0% 的像素有颜色"),
        ),
        _sample(
            "bomb", declaring_size(valid, 60000, 60000), rule,
            (c.DIMENSIONS_TOO_LARGE, "60000×60000"),
        ),
        _sample(
            "studio background", jpeg(portrait(width, height, backdrop=None)), rule,
            (c.BACKGROUND_NOT_LIGHT_BLUE, "浅蓝色只占 0%"),
        ),
        _sample("no face", jpeg(faceless(width, height)), rule, (c.NO_FACE, "0 张")),
        _sample(
            "two faces", jpeg(two_portraits(width, height)), rule, (c.MULTIPLE_FACES, "检测到 2 张")
        ),
        _sample(
            "face low in the frame", jpeg(portrait(width, height, centre=(0.5, 0.72))), rule,
            (c.FACE_OFF_CENTRE, "垂直 73%"),
        ),
        _sample(
            "face too small", jpeg(portrait(width, height, face_share=0.2)), rule,
            (c.FACE_TOO_SMALL, "照片高度的 20%"),
        ),
        _sample(  # a face filling the frame hides the backdrop and is an enlargement
            "face too large", jpeg(portrait(width, height, face_share=0.8)), rule,
            (c.BACKGROUND_NOT_LIGHT_BLUE, "浅蓝色只占 0%"), (c.FACE_TOO_LARGE, "照片高度的 66%"),
            (c.BLURRED, "清晰度为 25"),
        ),
        _sample(
            "blurred", jpeg(picture.filter(ImageFilter.GaussianBlur(2))), rule,
            (c.BLURRED, "清晰度为 11"),
        ),
    ]  # fmt: skip


def _national() -> list[Sample]:
    rule, (width, height) = NATIONAL_PRESET, NATIONAL_SIZE
    picture = portrait(width, height)
    return [
        _sample("national valid", jpeg(picture, dpi=(350, 350), quality=85), rule),
        _sample("national valid at 150 DPI", jpeg(portrait(154, 189), dpi=(150, 150)), rule),
        _sample(
            "national size at the wrong DPI", jpeg(picture, dpi=(150, 150), quality=85), rule,
            (c.PRINT_WIDTH_WRONG, "宽度 358 像素按 150 DPI 合 60.6 毫米，应为 26 毫米"),
            (c.PRINT_HEIGHT_WRONG, "合 74.7 毫米"),
        ),
        _sample(
            "national low DPI", jpeg(portrait(74, 91), dpi=(72, 72)), rule,
            (c.DPI_TOO_LOW, "分辨率 72 DPI，应不低于 150 DPI"),
        ),
        _sample(
            "national too many bytes", jpeg(picture, dpi=(350, 350), quality=100), rule,
            (c.TOO_MANY_BYTES, "应不超过 60 KB"),
        ),
    ]  # fmt: skip


@cache
def corpus() -> tuple[Sample, ...]:
    return (*_shanghai(), *_national())
