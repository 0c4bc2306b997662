"""Rewriting the writer's xlsx package with the trace properties, without recompressing it.

The writer has no document-properties API. An xlsx is a zip; the worksheet member holds
almost all of a million-row file's bytes, and inflating and deflating it again would cost
as much as writing it. So the small parts are written anew and every other member is
copied byte for byte (local header, compressed data, data descriptor), its central
directory entry carried over with the new offset.
"""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path
from typing import IO

from xueji_export.files.approval import ApprovedExport
from xueji_export.files.properties import CONTENT_TYPES_PART, RELS_PART, stamped_parts

_COPY_CHUNK = 1024 * 1024


def stamp_properties(
    source: Path, target: Path, export: ApprovedExport, mark: str, rows: int
) -> None:
    """Write `target`: the package at `source` with its trace properties filled in."""
    with zipfile.ZipFile(source) as package:
        content_types, rels = package.read(CONTENT_TYPES_PART), package.read(RELS_PART)
    parts = stamped_parts(export, mark, rows, content_types, rels)
    _rewrite(source, target, parts)


def _rewrite(source: Path, target: Path, parts: dict[str, bytes]) -> None:
    with (
        zipfile.ZipFile(source) as old,
        source.open("rb") as raw,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        # The content types first, as packaging tools expect; the small parts with them.
        for name, data in parts.items():
            new.writestr(name, data)
        members = sorted(old.infolist(), key=lambda info: info.header_offset)
        # Members are contiguous: each ends where the next begins, the last at the directory.
        ends = [info.header_offset for info in members[1:]] + [old.start_dir]
        out = new.fp
        assert out is not None
        for info, end in zip(members, ends, strict=True):
            if info.filename in parts:
                continue
            moved = copy.copy(info)
            moved.header_offset = out.tell()
            raw.seek(info.header_offset)
            _copy_exactly(raw, out, end - info.header_offset)
            new.filelist.append(moved)
            new.NameToInfo[moved.filename] = moved
        # zipfile writes its central directory at start_dir; it must follow the copies.
        new.start_dir = out.tell()


def _copy_exactly(source: IO[bytes], target: IO[bytes], length: int) -> None:
    remaining = length
    while remaining:
        chunk = source.read(min(_COPY_CHUNK, remaining))
        if not chunk:
            raise ValueError("xlsx package ends inside a member")
        target.write(chunk)
        remaining -= len(chunk)
