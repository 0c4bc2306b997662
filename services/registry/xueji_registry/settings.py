from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings


class RegistrySettings(ServiceSettings, S3Settings, TemporalSettings):
    http_port: int = 8001
    token_private_key_file: str
