"""Streaming a manifest zip from object storage to the caller."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import StreamingResponse

from xueji_photo.cards.package import ZIP


async def zip_download(request: Request, key: str, file_name: str) -> StreamingResponse:
    """`file_name` is ASCII (the unit code and the id): every browser keeps it as given."""
    chunks = await request.app.state.packages.stream(key)
    headers = {
        "Content-Disposition": f'attachment; filename="{file_name}"',
        "Cache-Control": "private",
    }
    return StreamingResponse(chunks, media_type=ZIP, headers=headers)
