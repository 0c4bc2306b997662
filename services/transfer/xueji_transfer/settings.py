"""The transfer service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

from pydantic import field_validator, model_validator

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings

API = "api"
WORKER = "worker"


class TransferSettings(ServiceSettings, TemporalSettings, S3Settings):
    http_port: int = 8002
    # The registry's platform API, called with the transfer service's own account.
    registry_url: str = "http://127.0.0.1:8001"
    registry_username: str = "svc.transfer"
    registry_password: str
    # Provinces running their own registry systems, comma separated ("37,42"): one inbound
    # consumer each.
    docking_provinces: str = ""
    # What this process runs, comma separated: "api" (HTTP API, outbox relay, consumers) and/or
    # "worker" (the Temporal workers). Production runs them as separate deployments, so
    # workflow tasks never queue behind HTTP requests on one event loop.
    roles: str = f"{API},{WORKER}"
    # Only the API stores evidence files: a worker-only process needs no object-storage
    # secret, so these are required for the api role alone (checked below).
    s3_endpoint: str = ""
    s3_access_key: str = ""
    s3_secret_key: str = ""

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: str) -> str:
        roles = {r.strip() for r in value.split(",") if r.strip()}
        if not roles or not roles <= {API, WORKER}:
            raise ValueError(f"roles must name {API} and/or {WORKER}, not {value!r}")
        return value

    @model_validator(mode="after")
    def _object_store_for_the_api(self) -> TransferSettings:
        if API in self.role_set:
            names = ("s3_endpoint", "s3_access_key", "s3_secret_key")
            missing = [f"XUEJI_{n.upper()}" for n in names if not getattr(self, n)]
            if missing:
                raise ValueError(f"the {API} role stores evidence files: set {', '.join(missing)}")
        return self

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r.strip() for r in self.roles.split(",") if r.strip())

    @property
    def docking_province_codes(self) -> tuple[str, ...]:
        return tuple(sorted({c.strip() for c in self.docking_provinces.split(",") if c.strip()}))
