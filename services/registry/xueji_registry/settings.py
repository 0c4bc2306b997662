from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings
from xueji_workflows.monthly_report import CRON


class RegistrySettings(ServiceSettings, S3Settings, TemporalSettings):
    http_port: int = 8001
    token_private_key_file: str
    # The monthly report's schedule (Asia/Shanghai); ops may move it, e.g. for a drill.
    monthly_report_cron: str = CRON
    # Provinces running their own registry systems, comma separated ("37,42"), as for the
    # transfer service: their inbound topics carry decisions on status changes too.
    docking_provinces: str = ""

    @property
    def docking_province_codes(self) -> tuple[str, ...]:
        return tuple(sorted({c.strip() for c in self.docking_provinces.split(",") if c.strip()}))
