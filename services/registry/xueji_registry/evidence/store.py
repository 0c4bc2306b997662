"""Evidence bytes in the xueji-registry-evidence bucket."""

from __future__ import annotations

from minio import Minio

from xueji_common.settings import S3Settings
from xueji_common.storage import ObjectStore, minio_client

EVIDENCE_BUCKET = "xueji-registry-evidence"


class EvidenceStore(ObjectStore):
    def __init__(self, client: Minio, bucket: str = EVIDENCE_BUCKET) -> None:
        super().__init__(client, bucket)

    @classmethod
    def from_settings(cls, settings: S3Settings) -> EvidenceStore:
        return cls(minio_client(settings))
