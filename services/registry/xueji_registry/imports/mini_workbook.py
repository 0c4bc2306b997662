"""A minimal .xlsx package around one worksheet chunk, for calamine to read.

It carries the original shared strings and styles (dates are numbers with a
date style) and the 1904 date system flag, so cells read exactly as in the
upload.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_OFFICE = b"application/vnd.openxmlformats-officedocument.spreadsheetml."
_PACKAGE = b"http://schemas.openxmlformats.org/package/2006/"
_RELATIONSHIPS = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _override(part: bytes, kind: bytes) -> bytes:
    return b'<Override PartName="/xl/' + part + b'" ContentType="' + _OFFICE + kind + b'+xml"/>'


_CONTENT_TYPES = (
    _DECLARATION
    + b'<Types xmlns="' + _PACKAGE + b'content-types">'
    + b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    + b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + _override(b"workbook.xml", b"sheet.main")
    + _override(b"worksheets/sheet1.xml", b"worksheet")
    + _override(b"styles.xml", b"styles")
    + _override(b"sharedStrings.xml", b"sharedStrings")
    + b"</Types>"
)
_PACKAGE_RELS = (
    _DECLARATION
    + b'<Relationships xmlns="' + _PACKAGE + b'relationships">'
    + b'<Relationship Id="rId1" Type="' + _RELATIONSHIPS + b'/officeDocument" '
    + b'Target="xl/workbook.xml"/></Relationships>'
)


def _relationship(rel_id: bytes, kind: bytes, target: bytes) -> bytes:
    return (
        b'<Relationship Id="' + rel_id + b'" Type="' + _RELATIONSHIPS + b"/" + kind
        + b'" Target="' + target + b'"/>'
    )


_EMPTY_STYLES = (
    _DECLARATION + b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
)


@dataclass(frozen=True)
class PackageParts:
    """The parts every chunk of one upload shares."""

    shared_strings: bytes | None
    styles: bytes | None
    date1904: bool


def _workbook(date1904: bool) -> bytes:
    flag = b'<workbookPr date1904="1"/>' if date1904 else b""
    return (
        _DECLARATION
        + b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        + b'xmlns:r="' + _RELATIONSHIPS + b'">'
        + flag
        + b'<sheets><sheet name="chunk" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _workbook_rels(with_strings: bool) -> bytes:
    rels = [
        _relationship(b"rId1", b"worksheet", b"worksheets/sheet1.xml"),
        _relationship(b"rId2", b"styles", b"styles.xml"),
    ]
    if with_strings:
        rels.append(_relationship(b"rId3", b"sharedStrings", b"sharedStrings.xml"))
    return (
        _DECLARATION
        + b'<Relationships xmlns="' + _PACKAGE + b'relationships">'
        + b"".join(rels)
        + b"</Relationships>"
    )


def mini_workbook(sheet_xml: bytes, parts: PackageParts) -> bytes:
    """Stored, not deflated: it is built and read once, in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("xl/workbook.xml", _workbook(parts.date1904))
        package.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(bool(parts.shared_strings)))
        package.writestr("xl/styles.xml", parts.styles or _EMPTY_STYLES)
        if parts.shared_strings:
            package.writestr("xl/sharedStrings.xml", parts.shared_strings)
        package.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buffer.getvalue()
