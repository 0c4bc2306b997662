"""The upload benchmark's floor: a bare endpoint that only decodes the file with Pillow and
stores it in the same object store (no auth, checks, database or events).

`python -m bench.photo_floor` serves it on XUEJI_HTTP_PORT with the XUEJI_S3_* settings.
"""

from __future__ import annotations

import asyncio
import io
import os
import uuid
from typing import Annotated

import uvicorn
from fastapi import FastAPI, File, UploadFile
from PIL import Image

from xueji_common.settings import S3Settings, load_settings
from xueji_common.storage import ObjectStore, minio_client
from xueji_photo.uploads.storage import PHOTOS_BUCKET

app = FastAPI()
store = ObjectStore(minio_client(load_settings(S3Settings)), PHOTOS_BUCKET)


def _decode(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        image.load()


@app.post("/upload", status_code=201)
async def upload(file: Annotated[UploadFile, File()]) -> dict[str, str]:
    data = await file.read()
    await asyncio.to_thread(_decode, data)
    key = f"bench-floor/{uuid.uuid4()}.jpg"
    await store.put(key, data, "image/jpeg")
    return {"key": key}


@app.get("/readyz")
async def ready() -> dict[str, str]:
    return {"status": "ready"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["XUEJI_HTTP_PORT"]), log_level="warning")
