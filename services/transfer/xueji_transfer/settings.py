"""The transfer service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

from pydantic import model_validator

from xueji_common.settings import API as API
from xueji_common.settings import WORKER as WORKER
from xueji_common.settings import ProcessRoles, S3Settings, ServiceSettings, TemporalSettings


class TransferSettings(ServiceSettings, TemporalSettings, S3Settings, ProcessRoles):
    http_port: int = 8002
    # The registry's platform API, called with the transfer service's own account.
    registry_url: str = "http://127.0.0.1:8001"
    registry_username: str = "svc.transfer"
    registry_password: str
    # Provinces running their own registry systems, comma separated ("37,42"): one inbound
    # consumer each.
    docking_provinces: str = ""
    # Only the API stores evidence files: a worker-only process needs no object-storage
    # secret, so these are required for the api role alone (checked below).
    s3_endpoint: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""

    @model_validator(mode="after")
    def _object_store_for_the_api(self) -> TransferSettings:
        if API in self.role_set:
            names = ("s3_endpoint", "s3_access_key", "s3_secret_key")
            missing = [f"XUEJI_{n.upper()}" for n in names if not getattr(self, n)]
            if missing:
                raise ValueError(f"the {API} role stores evidence files: set {', '.join(missing)}")
        return self

    @property
    def docking_province_codes(self) -> tuple[str, ...]:
        return tuple(sorted({c.strip() for c in self.docking_provinces.split(",") if c.strip()}))
