"""What the checks found about one uploaded file."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Refusal:
    """One failed check: `code` from `refusal_codes`, `message` in Chinese for the uploader."""

    code: str
    message: str


@dataclass(frozen=True)
class PhotoVerdict:
    """The refusals (none: accepted) and what was measured on the way.

    `format` is what the content is (magic bytes), None when unrecognised; `width`/`height`
    are after the EXIF orientation; `dpi` is (horizontal, vertical) as the file records it.

    `image` is the decoded picture, already turned upright and in RGB, for the caller's
    thumbnail, so the service never decodes the upload twice (None when it could not be
    decoded). It is the full picture, except that a JPEG much larger than the analysis size
    is decoded at a reduced scale (never below `analysis.ANALYSIS_SIDE` on its longer side);
    accepted photos of a pixel-size rule are always whole. The stored photo is the uploaded
    bytes, never this image.
    """

    refusals: tuple[Refusal, ...]
    format: str | None
    width: int | None
    height: int | None
    dpi: tuple[float, float] | None
    byte_size: int
    image: Image.Image | None = field(default=None, compare=False, repr=False)

    @property
    def accepted(self) -> bool:
        return not self.refusals

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(refusal.code for refusal in self.refusals)
