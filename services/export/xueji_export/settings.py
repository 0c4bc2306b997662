from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings


class ExportSettings(ServiceSettings, S3Settings):
    http_port: int = 8004
    # The registry, asked (with the applicant's own token) who works at the applicant's unit.
    registry_url: str = "http://127.0.0.1:8001"
    # How often the audit chain heads that moved are published as export.audit_head.
    audit_head_interval_seconds: float = 300.0
