"""Evidence bytes in object storage (MinIO in production, any S3 endpoint locally)."""

from __future__ import annotations

import asyncio
import io

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_common.settings import S3Settings
from xueji_common.storage import minio_client

EVIDENCE_BUCKET = "xueji-registry-evidence"


class EvidenceStore:
    """Blocking minio calls run in a worker thread so the event loop keeps serving."""

    def __init__(self, client: Minio, bucket: str = EVIDENCE_BUCKET) -> None:
        self._client = client
        self.bucket = bucket

    @classmethod
    def from_settings(cls, settings: S3Settings) -> EvidenceStore:
        return cls(minio_client(settings))

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
