from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings


class PhotoSettings(ServiceSettings, S3Settings):
    http_port: int = 8003
