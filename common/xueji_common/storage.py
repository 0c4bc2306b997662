"""The object-storage client every service builds from its S3 settings."""

from __future__ import annotations

from minio import Minio

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
