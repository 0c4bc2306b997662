from __future__ import annotations

from pathlib import Path

from xueji_common.settings import API as API
from xueji_common.settings import WORKER as WORKER
from xueji_common.settings import (
    ProcessRoles,
    S3Settings,
    ServiceSettings,
    SettingsError,
    TemporalSettings,
)


class ExportSettings(ServiceSettings, TemporalSettings, S3Settings, ProcessRoles):
    """`roles`: "api" (HTTP API, outbox relay, consumers, the workflow re-launcher) and/or
    "worker" (approval workflows, file generation, expiry); apart, a long generation never
    slows the API."""

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
    # The key of the per-file watermark (a keyed hash naming the generation): a file holding
    # it, read by the worker. Required for the worker role only.
    watermark_key_file: str = ""
    # Working days the approver has before the step is overdue and escalated.
    approval_working_days: int = 10
    # How often the API looks for filed applications whose workflow never started.
    relaunch_interval_seconds: float = 30.0

    def watermark_key(self) -> bytes:
        """Read when the worker starts (not at settings load: the CLI commands need none)."""
        if not self.watermark_key_file:
            raise SettingsError(f"the {WORKER} role watermarks files: set XUEJI_WATERMARK_KEY_FILE")
        return Path(self.watermark_key_file).read_bytes().strip()
