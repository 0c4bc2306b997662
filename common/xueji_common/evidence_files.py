"""Evidence files (scans, PDFs) every service accepts: what an upload really is, by its first
bytes, and a filename safe to keep."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
FILENAME_MAX_LENGTH = 120


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str
    signature: bytes


KINDS: tuple[FileKind, ...] = (
    FileKind("application/pdf", "pdf", b"%PDF-"),
    FileKind("image/jpeg", "jpg", b"\xff\xd8\xff"),
    FileKind("image/png", "png", b"\x89PNG\r\n\x1a\n"),
)


def sniff(head: bytes) -> FileKind | None:
    """The kind the content starts like; the name and declared type are never trusted."""
    return next((kind for kind in KINDS if head.startswith(kind.signature)), None)


def safe_filename(raw: str | None, kind: FileKind) -> str:
    """The uploaded name without directories or invisible characters, for display only."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C")).strip()
    name = name[:FILENAME_MAX_LENGTH]
    return name or f"evidence.{kind.extension}"
