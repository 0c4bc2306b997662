"""Files the console hands on from an API: an .xlsx as an attachment with its Chinese name."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from xueji_console.clients.registry import XLSX


def xlsx_attachment(data: bytes, file_name: str, ascii_name: str) -> Response:
    # filename* carries the Chinese name; the plain one is for clients that do not read it.
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"
    return Response(data, media_type=XLSX, headers={"Content-Disposition": disposition})
