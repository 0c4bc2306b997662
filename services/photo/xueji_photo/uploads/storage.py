"""Photos and their thumbnails in object storage, each under a key of its own upload attempt:
an upload that loses the race writes objects no photo row ever points to."""

from __future__ import annotations

import asyncio
import io
import uuid
from collections.abc import AsyncIterator
from datetime import datetime

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.storage import ObjectStore

PHOTOS_BUCKET = "xueji-photos"
JPEG = "image/jpeg"
CHUNK_BYTES = 64 * 1024


def photo_key(national_number: str, attempt_id: uuid.UUID) -> str:
    return f"photos/{national_number}/{attempt_id}.jpg"


def thumbnail_key(national_number: str, attempt_id: uuid.UUID) -> str:
    return f"thumbnails/{national_number}/{attempt_id}.jpg"


def _unavailable(error: Exception) -> DomainError:
    return DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储")


class PhotoStore(ObjectStore):
    def __init__(self, client: Minio, bucket: str = PHOTOS_BUCKET) -> None:
        super().__init__(client, bucket)

    async def put_photo(
        self, key: str, data: bytes, *, account_id: str, at: datetime, rule: str
    ) -> None:
        """Stores a JPEG with who uploaded it, when, and the rule version it passed."""
        metadata = {"uploaded-by": account_id, "uploaded-at": at.isoformat(), "photo-rule": rule}
        try:
            await asyncio.to_thread(
                self._client.put_object, self.bucket, key, io.BytesIO(data), len(data),
                content_type=JPEG, metadata=metadata,
            )  # fmt: skip
        except (S3Error, HTTPError) as error:
            raise _unavailable(error) from error

    async def delete(self, key: str) -> None:
        try:
            await asyncio.to_thread(self._client.remove_object, self.bucket, key)
        except (S3Error, HTTPError) as error:
            raise _unavailable(error) from error

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        """The object's bytes in chunks, read in a worker thread."""
        try:
            response = await asyncio.to_thread(self._client.get_object, self.bucket, key)
        except (S3Error, HTTPError) as error:
            raise _unavailable(error) from error
        return _chunks(response)


async def _chunks(response: object) -> AsyncIterator[bytes]:
    try:
        while chunk := await asyncio.to_thread(response.read, CHUNK_BYTES):  # type: ignore[attr-defined]
            yield chunk
    finally:
        response.close()  # type: ignore[attr-defined]
        response.release_conn()  # type: ignore[attr-defined]
