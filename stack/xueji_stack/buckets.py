"""S3 buckets the services write to; names are shared by the stack and the services."""

from __future__ import annotations

REGISTRY_EVIDENCE_BUCKET = "xueji-registry-evidence"
REGISTRY_REPORTS_BUCKET = "xueji-registry-reports"
TRANSFER_EVIDENCE_BUCKET = "xueji-transfer-evidence"
PHOTOS_BUCKET = "xueji-photos"
EXPORTS_BUCKET = "xueji-exports"

XUEJI_BUCKETS: tuple[str, ...] = (
    REGISTRY_EVIDENCE_BUCKET,
    REGISTRY_REPORTS_BUCKET,
    TRANSFER_EVIDENCE_BUCKET,
    PHOTOS_BUCKET,
    EXPORTS_BUCKET,
)
