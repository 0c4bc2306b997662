"""Manifest zips (a workbook and the photos) in the photo bucket.

The zip is built in a temporary file, one chunk of one photo in memory at a time, then
uploaded (minio sends it in parts), so a batch of hundreds of photos costs no more memory than
a single one. Each zip goes under a key of its own (the batch or list id): a producer whose
database commit then fails leaves an object no row points to, never a row without its file.
"""

from __future__ import annotations

import asyncio
import tempfile
import zipfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_photo.uploads.storage import CHUNK_BYTES, PhotoStore

ZIP = "application/zip"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class PackagedPhoto:
    """A photo object and the name it gets inside the zip."""

    file_name: str
    object_key: str


class PackageStore:
    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    async def put_package(
        self, key: str, workbook_name: str, workbook: bytes, photos: Sequence[PackagedPhoto]
    ) -> None:
        try:
            await asyncio.to_thread(self._write, key, workbook_name, workbook, photos)
        except (S3Error, HTTPError) as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储") from error

    async def stream(self, key: str) -> AsyncIterator[bytes]:
        """The zip's bytes in chunks, for a download."""
        return await PhotoStore(self._client, self.bucket).stream(key)

    def _write(
        self, key: str, workbook_name: str, workbook: bytes, photos: Sequence[PackagedPhoto]
    ) -> None:
        with tempfile.TemporaryFile() as spool:
            # Stored, not deflated: JPEGs and the xlsx (itself a zip) do not shrink.
            with zipfile.ZipFile(spool, "w", zipfile.ZIP_STORED) as package:
                package.writestr(workbook_name, workbook)
                for photo in photos:
                    self._copy_photo(package, photo)
            size = spool.tell()
            spool.seek(0)
            self._client.put_object(self.bucket, key, spool, size, content_type=ZIP)

    def _copy_photo(self, package: zipfile.ZipFile, photo: PackagedPhoto) -> None:
        response = self._client.get_object(self.bucket, photo.object_key)
        try:
            with package.open(photo.file_name, "w") as entry:
                for chunk in response.stream(CHUNK_BYTES):
                    entry.write(chunk)
        finally:
            response.close()
            response.release_conn()
