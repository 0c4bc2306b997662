"""The transfer service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings


class TransferSettings(ServiceSettings, TemporalSettings, S3Settings):
    http_port: int = 8002
    # The registry's platform API, called with the transfer service's own account.
    registry_url: str = "http://127.0.0.1:8001"
    registry_username: str = "svc.transfer"
    registry_password: str
    # Provinces running their own registry systems, comma separated ("37,42"): one inbound
    # consumer each.
    docking_provinces: str = ""

    @property
    def docking_province_codes(self) -> tuple[str, ...]:
        return tuple(sorted({c.strip() for c in self.docking_provinces.split(",") if c.strip()}))
