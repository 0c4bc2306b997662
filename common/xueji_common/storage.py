"""Object storage (MinIO in production): the client and a bucket-bound store."""

from __future__ import annotations

import asyncio
import io

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.settings import S3Settings


def minio_client(settings: S3Settings) -> Minio:
    """A minio client; the endpoint may be given as `host:port` or as a URL."""
    return Minio(
        settings.s3_endpoint.removeprefix("http://").removeprefix("https://"),
        access_key=settings.s3_access_key,
        secret_key=settings.s3_secret_key,
        secure=settings.s3_secure,
        region=settings.s3_region,
    )


class ObjectStore:
    """One bucket; blocking minio calls run in a worker thread so the event loop keeps serving.

    An unreachable store is the caller's 503 (DEPENDENCY_UNAVAILABLE), never a 500.
    """

    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        try:
            await asyncio.to_thread(
                self._client.put_object,
                self.bucket,
                key,
                io.BytesIO(data),
                len(data),
                content_type=content_type,
            )
        except (S3Error, HTTPError) as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储") from error

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            response = self._client.get_object(self.bucket, key)
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

        try:
            return await asyncio.to_thread(read)
        except (S3Error, HTTPError) as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储") from error
