"""Opening an upload as an .xlsx package and finding the parts of its data sheet.

Only the small parts (workbook, relationships) are parsed here; the sheet
itself is streamed by `sheet_chunks`.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.imports.columns import DATA_SHEET, GUIDE_SHEET

ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and encrypted .xlsx
WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
SMALL_PART_LIMIT = 16 * 1024 * 1024
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STRICT_REL_NS = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"


@dataclass(frozen=True)
class WorkbookParts:
    sheet_name: str
    sheet_path: str
    shared_strings_path: str | None
    styles_path: str | None
    date1904: bool


def open_package(file: BinaryIO) -> zipfile.ZipFile:
    """The upload as a zip package, or the refusal that says what it is instead."""
    file.seek(0)
    signature = file.read(len(OLE_SIGNATURE))
    file.seek(0)
    if not signature:
        raise DomainError(error_codes.IMPORT_FILE_EMPTY, field="file")
    if signature.startswith(OLE_SIGNATURE):
        raise DomainError(error_codes.IMPORT_FILE_ENCRYPTED, field="file")
    if not signature.startswith(ZIP_SIGNATURE):
        raise DomainError(error_codes.IMPORT_FILE_NOT_XLSX, field="file")
    try:
        package = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DomainError(error_codes.IMPORT_FILE_MALFORMED, field="file") from None
    if WORKBOOK not in package.NameToInfo:
        package.close()
        raise DomainError(error_codes.IMPORT_FILE_NOT_XLSX, field="file", detail="缺少工作簿内容")
    return package


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_small(package: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = package.NameToInfo.get(name)
    if info is None or info.file_size > SMALL_PART_LIMIT:
        missing = f"{name}缺失或过大"
        raise DomainError(error_codes.IMPORT_FILE_MALFORMED, field="file", detail=missing)
    try:
        return ElementTree.fromstring(package.read(name))
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DomainError(error_codes.IMPORT_FILE_MALFORMED, field="file", detail=name) from None


def _target(target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def locate_parts(package: zipfile.ZipFile) -> WorkbookParts:
    """The sheet named like the template's data sheet, else the first other worksheet."""
    workbook = _parse_small(package, WORKBOOK)
    rels = _parse_small(package, WORKBOOK_RELS) if WORKBOOK_RELS in package.NameToInfo else None
    targets: dict[str, tuple[str, str]] = {}
    for rel in rels.iter() if rels is not None else ():
        if _local(rel.tag) == "Relationship":
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            targets[rel.get("Id", "")] = (kind, _target(rel.get("Target", "")))
    by_kind = {kind: path for kind, path in targets.values()}
    sheets: list[tuple[str, str]] = []
    date1904 = False
    for element in workbook.iter():
        name = _local(element.tag)
        if name == "workbookPr":
            date1904 = element.get("date1904", "0").lower() in ("1", "true")
        elif name == "sheet":
            rel_id = element.get(_REL_NS) or element.get(_STRICT_REL_NS) or ""
            kind, path = targets.get(rel_id, ("", ""))
            if kind == "worksheet" and path in package.NameToInfo:
                sheets.append((element.get("name", ""), path))
    chosen = next((s for s in sheets if s[0] == DATA_SHEET), None)
    chosen = chosen or next((s for s in sheets if s[0] != GUIDE_SHEET), None)
    if chosen is None:
        raise DomainError(error_codes.IMPORT_SHEET_MISSING, field="file")
    shared = by_kind.get("sharedStrings")
    styles = by_kind.get("styles")
    return WorkbookParts(
        sheet_name=chosen[0],
        sheet_path=chosen[1],
        shared_strings_path=shared if shared in package.NameToInfo else None,
        styles_path=styles if styles in package.NameToInfo else None,
        date1904=date1904,
    )
