from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings
from xueji_workflows.monthly_report import CRON


class RegistrySettings(ServiceSettings, S3Settings, TemporalSettings):
    http_port: int = 8001
    token_private_key_file: str
    # The monthly report's schedule (Asia/Shanghai); ops may move it, e.g. for a drill.
    monthly_report_cron: str = CRON
