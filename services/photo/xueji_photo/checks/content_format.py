"""The format of a file from its first bytes: a name ending in .jpg proves nothing."""

from __future__ import annotations

# Image formats a parent's device produces; the checks decode only the ones in
# `rules.KNOWN_FORMATS`, the rest are named in the refusal and never decoded.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heif", b"mif1", b"msf1", b"avif")


def content_format(data: bytes) -> str | None:
    """`JPEG`, `PNG`, `GIF`, `WEBP`, `BMP`, `TIFF` or `HEIF` by signature; None otherwise."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIF"
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def file_head(data: bytes) -> str:
    """The first bytes in hex, so an unrecognised file's refusal says what it starts with."""
    return data[:8].hex(" ").upper() if data else "空文件"


def looks_complete(data: bytes, found: str) -> bool:
    """Whether the file ends as its format ends, so a decoding error can be told apart as an
    upload cut short (a JPEG without its end marker, a PNG without IEND, a GIF without its
    trailer, a WebP shorter than its RIFF header says)."""
    if found == "JPEG":
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if found == "PNG":
        return data.endswith(b"IEND\xaeB`\x82")
    if found == "GIF":
        return data.endswith(b"\x3b")
    if found == "WEBP":
        return len(data) >= 8 + int.from_bytes(data[4:8], "little")
    return True
