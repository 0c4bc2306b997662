from __future__ import annotations

from xueji_common.settings import ServiceSettings, TemporalSettings


class TransferSettings(ServiceSettings, TemporalSettings):
    http_port: int = 8002
