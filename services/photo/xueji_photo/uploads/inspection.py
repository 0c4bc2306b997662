"""The CPU part of an upload, run in a worker process: the checks, the digest, the thumbnail."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image

from xueji_photo.checks import check_photo
from xueji_photo.rules import PhotoRule

# Listings show photos at a quarter of the Shanghai rule's 272×354.
THUMBNAIL_BOX = (68, 89)


@dataclass(frozen=True)
class Inspection:
    """What the service needs from the checks (picklable: no decoded image crosses back)."""

    refusals: tuple[tuple[str, str], ...]
    width: int
    height: int
    dpi: int
    byte_size: int
    sha256: str
    thumbnail: bytes | None

    @property
    def accepted(self) -> bool:
        return not self.refusals


def _thumbnail(image: Image.Image) -> bytes:
    small = image.convert("RGB")
    small.thumbnail(THUMBNAIL_BOX, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, format="JPEG", quality=85)
    return out.getvalue()


def inspect(data: bytes, rule: PhotoRule) -> Inspection:
    verdict = check_photo(data, rule)
    accepted = verdict.accepted and verdict.image is not None
    return Inspection(
        refusals=tuple((r.code, r.message) for r in verdict.refusals),
        width=verdict.width or 0,
        height=verdict.height or 0,
        dpi=round(min(verdict.dpi)) if verdict.dpi else 0,
        byte_size=verdict.byte_size,
        sha256=hashlib.sha256(data).hexdigest(),
        thumbnail=_thumbnail(verdict.image) if accepted and verdict.image else None,
    )
