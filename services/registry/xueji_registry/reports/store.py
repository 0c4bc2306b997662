"""Report files in object storage (bucket xueji-registry-reports)."""

from __future__ import annotations

from minio import Minio

from xueji_common.storage import ObjectStore

REPORTS_BUCKET = "xueji-registry-reports"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ReportStore(ObjectStore):
    """An unreachable store fails the report activity, which Temporal retries."""

    def __init__(self, client: Minio, bucket: str = REPORTS_BUCKET) -> None:
        super().__init__(client, bucket)

    async def put(self, key: str, data: bytes, content_type: str = XLSX) -> None:
        await super().put(key, data, content_type)
