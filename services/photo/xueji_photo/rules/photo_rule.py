"""A province's ID-photo rule as data: what the automatic checks measure a photo against.

Rules are stored per province (the service keeps them as JSON in its database), so every
field is validated when a rule is built, whether in code or from stored data, and a rule
keeps its `version`: a verdict names the version it was judged by.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Self

from xueji_photo.rules.rule_data import read_part, read_value
from xueji_photo.rules.rule_parts import (
    BackgroundRule,
    FaceBounds,
    InvalidPhotoRule,
    PixelSize,
    PrintSize,
    require,
    require_within,
)

# Formats whose content the checks can recognise; a rule allows a subset.
KNOWN_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
# Pillow warns on its own above 89 million pixels; a rule's bomb guard must refuse first.
PIXEL_GUARD_CEILING = 80_000_000

_KEYS = (
    "rule_id", "version", "formats", "pixel_size", "print_size", "min_dpi", "max_bytes",
    "max_pixels", "background", "face", "min_sharpness",
)  # fmt: skip


@dataclass(frozen=True)
class PhotoRule:
    """One province's photo rule, version `version`; exactly one of the two sizes is set."""

    rule_id: str
    version: int
    formats: tuple[str, ...]
    pixel_size: PixelSize | None
    print_size: PrintSize | None
    min_dpi: float
    max_bytes: int
    max_pixels: int  # decompression-bomb guard, checked on the header before decoding
    background: BackgroundRule
    face: FaceBounds
    min_sharpness: float  # variance of the Laplacian on the analysis image

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise InvalidPhotoRule("; ".join(problems))

    def problems(self) -> list[str]:
        problems: list[str] = []
        require(
            problems,
            bool(self.rule_id) and len(self.rule_id) <= 64 and self.rule_id.isascii(),
            "rule_id must be 1..64 ASCII characters",
        )
        require(problems, self.version >= 1, "version must be >= 1")
        require(
            problems,
            bool(self.formats)
            and len(set(self.formats)) == len(self.formats)
            and set(self.formats) <= set(KNOWN_FORMATS),
            f"formats must be distinct names from {', '.join(KNOWN_FORMATS)}",
        )
        require(
            problems,
            (self.pixel_size is None) != (self.print_size is None),
            "exactly one of pixel_size and print_size must be set",
        )
        for size in (self.pixel_size, self.print_size):
            if size is not None:
                problems.extend(size.problems())
        require_within(problems, "min_dpi", self.min_dpi, 1.0, 2400.0)
        require_within(problems, "max_bytes", self.max_bytes, 1024, 50 * 1024**2)
        require_within(problems, "max_pixels", self.max_pixels, 1, PIXEL_GUARD_CEILING)
        if self.pixel_size is not None:
            require(
                problems,
                self.pixel_size.width * self.pixel_size.height <= self.max_pixels,
                "max_pixels must admit the rule's own pixel size",
            )
        problems.extend(self.background.problems())
        problems.extend(self.face.problems())
        require(problems, self.min_sharpness >= 0.0, "min_sharpness must be >= 0")
        return problems

    def to_dict(self) -> dict[str, Any]:
        """JSON-able data; `from_dict` of it gives an equal rule."""
        data = asdict(self)
        data["formats"] = list(self.formats)
        return data

    @classmethod
    def from_dict(cls, data: object) -> Self:
        """The rule `data` describes; `InvalidPhotoRule` names what is missing or wrong."""
        if not isinstance(data, dict):
            raise InvalidPhotoRule("a photo rule must be an object")
        keys = set(data)
        if keys != set(_KEYS):
            missing, unknown = sorted(set(_KEYS) - keys), sorted(keys - set(_KEYS))
            raise InvalidPhotoRule(f"photo rule keys: missing {missing}, unknown {unknown}")
        formats = data["formats"]
        if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
            raise InvalidPhotoRule("formats must be a list of format names")
        return cls(
            rule_id=read_value(data, "rule_id", str),
            version=read_value(data, "version", int),
            formats=tuple(formats),
            pixel_size=read_part(PixelSize, data["pixel_size"], "pixel_size", optional=True),
            print_size=read_part(PrintSize, data["print_size"], "print_size", optional=True),
            min_dpi=read_value(data, "min_dpi", float),
            max_bytes=read_value(data, "max_bytes", int),
            max_pixels=read_value(data, "max_pixels", int),
            background=read_part(BackgroundRule, data["background"], "background"),
            face=read_part(FaceBounds, data["face"], "face"),
            min_sharpness=read_value(data, "min_sharpness", float),
        )
