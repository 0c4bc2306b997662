"""Evidence bytes in the xueji-transfer-evidence bucket; blocking minio calls run in a thread."""

from __future__ import annotations

import asyncio
import io

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError

EVIDENCE_BUCKET = "xueji-transfer-evidence"


class EvidenceStore:
    def __init__(self, client: Minio, bucket: str = EVIDENCE_BUCKET) -> None:
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
