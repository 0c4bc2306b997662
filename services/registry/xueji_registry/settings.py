from __future__ import annotations

from xueji_common.settings import ServiceSettings


class RegistrySettings(ServiceSettings):
    http_port: int = 8001
    token_private_key_file: str
