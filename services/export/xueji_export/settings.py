from __future__ import annotations

from pathlib import Path

from pydantic import field_validator

from xueji_common.settings import S3Settings, ServiceSettings, SettingsError, TemporalSettings

API = "api"
WORKER = "worker"


class ExportSettings(ServiceSettings, TemporalSettings, S3Settings):
    http_port: int = 8004
    # The registry, asked (with the applicant's own token) who works at the applicant's unit.
    registry_url: str = "http://127.0.0.1:8001"
    # How often the audit chain heads that moved are published as export.audit_head.
    audit_head_interval_seconds: float = 300.0
    # What this process runs, comma separated: "api" (HTTP API, outbox relay, consumers, the
    # workflow re-launcher) and/or "worker" (the Temporal worker: approval workflows, file
    # generation, expiry). Production runs them apart, as the transfer service does, so a
    # long generation never slows the API.
    roles: str = f"{API},{WORKER}"
    # The key of the per-file watermark (a keyed hash naming the generation): a file holding
    # it, read by the worker. Required for the worker role only.
    watermark_key_file: str = ""
    # Working days the approver has before the step is overdue and escalated.
    approval_working_days: int = 10
    # How often the API looks for filed applications whose workflow never started.
    relaunch_interval_seconds: float = 30.0

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: str) -> str:
        roles = {r.strip() for r in value.split(",") if r.strip()}
        if not roles or not roles <= {API, WORKER}:
            raise ValueError(f"roles must name {API} and/or {WORKER}, not {value!r}")
        return value

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r.strip() for r in self.roles.split(",") if r.strip())

    def watermark_key(self) -> bytes:
        """Read when the worker starts (not at settings load: the CLI commands need none)."""
        if not self.watermark_key_file:
            raise SettingsError(f"the {WORKER} role watermarks files: set XUEJI_WATERMARK_KEY_FILE")
        return Path(self.watermark_key_file).read_bytes().strip()
