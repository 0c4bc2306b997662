"""Workbook downloads: the Chinese file name as RFC 6266/5987 `filename*`, an ASCII fallback."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Response

from xueji_registry.reports.store import XLSX


def content_disposition(file_name: str, fallback: str) -> str:
    """`attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded UTF-8>`."""
    ascii_name = "".join(c for c in fallback if c.isascii() and c.isprintable() and c not in '"\\')
    if not ascii_name.rpartition(".")[0]:
        ascii_name = "report.xlsx"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def xlsx_response(data: bytes, file_name: str, fallback: str) -> Response:
    return Response(
        content=data,
        media_type=XLSX,
        headers={"Content-Disposition": content_disposition(file_name, fallback)},
    )
