from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings


class ExportSettings(ServiceSettings, S3Settings):
    http_port: int = 8004
    # The registry, asked (with the applicant's own token) who works at the applicant's unit.
    registry_url: str = "http://127.0.0.1:8001"
    # How often the audit chain heads that moved are published as export.audit_head.
    audit_head_interval_seconds: float = 300.0
    # How long a presigned download link works: long enough to start the download, short
    # enough that a forwarded link is useless.
    download_link_seconds: int = 300
    # How long a requested registry report stays downloadable.
    report_available_hours: int = 24
    # How often each province's audit retention runs (removing records past its setting).
    audit_retention_interval_seconds: float = 86_400.0
    # How often requested reports past their availability are removed from the bucket.
    report_sweep_interval_seconds: float = 3_600.0
