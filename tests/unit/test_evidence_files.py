"""Evidence files are recognised by content, and their names are made harmless."""

from __future__ import annotations

import pytest

from xueji_common.evidence_files import KINDS, safe_filename, sniff


@pytest.mark.parametrize(
    ("head", "content_type"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\xff\xd8\xff\xe1\x00\x10Exif", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ],
)
def test_known_signatures(head: bytes, content_type: str) -> None:
    kind = sniff(head)
    assert kind is not None and kind.content_type == content_type


@pytest.mark.parametrize(
    "head", [b"", b"GIF89a", b"PK\x03\x04", b"<html>", b" %PDF-1.4", b"\xff\xd8"]
)
def test_anything_else_is_unknown(head: bytes) -> None:
    assert sniff(head) is None


def test_filenames_lose_directories_and_control_characters() -> None:
    pdf = KINDS[0]
    assert safe_filename("..\\..\\系统\\证明.pdf", pdf) == "证明.pdf"
    assert safe_filename("/etc/passwd\u202e.pdf", pdf) == "passwd.pdf"
    assert safe_filename(None, pdf) == "evidence.pdf"
    assert len(safe_filename("a" * 500, pdf)) == 120
