"""Issuing a presigned link: the object must exist (stat), the link lives a few minutes.

The link is signed offline by the minio client (the region is configured, so presigning
makes no request); only the stat goes to the store. The response headers are signed into
the link, so the browser saves the file under its application's name.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from minio import Minio
from minio.error import S3Error
from urllib3.exceptions import HTTPError

from xueji_common import errors
from xueji_common.errors import DomainError
from xueji_export import error_codes

_MISSING = frozenset({"NoSuchKey", "NoSuchObject", "ResourceNotFound"})


@dataclass(frozen=True)
class IssuedLink:
    url: str
    expires_at: datetime
    size_bytes: int


def attachment(file_name: str) -> str:
    """Content-Disposition with the Chinese name as RFC 5987 `filename*` and an ASCII one."""
    fallback = "".join(c for c in file_name if (c.isascii() and c.isalnum()) or c in "._-")
    if not fallback.rpartition(".")[0]:
        fallback = f"export.{file_name.rpartition('.')[2] or 'bin'}"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


class LinkIssuer:
    def __init__(self, storage: Minio, bucket: str, lifetime: timedelta) -> None:
        self._storage = storage
        self._bucket = bucket
        self._lifetime = lifetime

    async def issue(self, object_key: str, file_name: str) -> IssuedLink:
        """A link to `object_key`; EXPORT_FILE_DELETED when the object is gone."""
        try:
            stat = await asyncio.to_thread(self._storage.stat_object, self._bucket, object_key)
        except S3Error as error:
            if error.code in _MISSING:
                raise DomainError(error_codes.EXPORT_FILE_DELETED) from error
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储") from error
        except HTTPError as error:
            raise DomainError(errors.DEPENDENCY_UNAVAILABLE, detail="对象存储") from error
        issued_at = datetime.now(UTC)
        url = self._storage.presigned_get_object(
            self._bucket,
            object_key,
            expires=self._lifetime,
            response_headers={"response-content-disposition": attachment(file_name)},
            request_date=issued_at,
        )
        return IssuedLink(url, issued_at + self._lifetime, int(stat.size or 0))
