"""Evidence bytes in the xueji-transfer-evidence bucket."""

from __future__ import annotations

from minio import Minio

from xueji_common.storage import ObjectStore

EVIDENCE_BUCKET = "xueji-transfer-evidence"


class EvidenceStore(ObjectStore):
    def __init__(self, client: Minio, bucket: str = EVIDENCE_BUCKET) -> None:
        super().__init__(client, bucket)
