"""Service settings: one pydantic-settings class per service, read once in the composition root."""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from xueji_common.kafka import PLAINTEXT, KafkaSecurity, KafkaSecurityError

ENV_PREFIX = "XUEJI_"


class SettingsError(RuntimeError):
    """A setting is missing or wrong; the message names the environment variable."""


class ServiceSettings(BaseSettings):
    """What every Xueji service needs; services subclass it and add their own fields."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    database_url: str
    kafka_bootstrap: str
    # How the service authenticates to Kafka: PLAINTEXT (the local stack: Tansu has no TLS,
    # no SASL and no ACLs) or SSL, mutual TLS with the service's Strimzi KafkaUser: the
    # cluster CA (verifies the brokers) and the user's certificate and key (PEM files).
    kafka_security_protocol: str = PLAINTEXT
    kafka_ca_file: str = ""
    kafka_cert_file: str = ""
    kafka_key_file: str = ""
    http_host: str = "127.0.0.1"
    http_port: int
    # The largest request body of an ordinary (JSON) route; upload routes declare their own
    # from the file sizes they accept (see xueji_common.http.body_limits).
    http_max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    token_public_key_file: str
    log_level: str = "INFO"
    consumer_max_attempts: int = 5
    # Appended to every consumer group (and so to its dedupe name). Empty in production; test
    # stacks that come and go against one broker each take their own groups, because Tansu is
    # slow to let a new member into a group whose previous member just left.
    consumer_group_suffix: str = ""

    @model_validator(mode="after")
    def _kafka_security_holds_together(self) -> ServiceSettings:
        try:
            self.kafka_security  # noqa: B018 - built to be checked at start, not at first use
        except KafkaSecurityError as exc:
            raise ValueError(
                f"{ENV_PREFIX}KAFKA_SECURITY_PROTOCOL and {ENV_PREFIX}KAFKA_*_FILE: {exc}"
            ) from None
        return self

    @property
    def kafka_security(self) -> KafkaSecurity:
        """What every Kafka client of the service passes (xueji_common.kafka)."""
        return KafkaSecurity(
            protocol=self.kafka_security_protocol,
            ca_file=self.kafka_ca_file,
            cert_file=self.kafka_cert_file,
            key_file=self.kafka_key_file,
        )

    @property
    def asyncpg_url(self) -> str:
        """The SQLAlchemy URL with the asyncpg driver, whatever form the operator gave."""
        url = self.database_url
        for prefix in ("postgresql+asyncpg://", "postgresql://", "postgres://"):
            if url.startswith(prefix):
                return "postgresql+asyncpg://" + url[len(prefix) :]
        raise SettingsError(
            f"{ENV_PREFIX}DATABASE_URL must be a postgresql:// URL, got {url.split('@')[-1]!r}"
        )


class TemporalSettings(BaseSettings):
    """Settings of services that run Temporal workers or clients."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    temporal_address: str
    temporal_namespace: str = "default"
    # How long a stopping worker lets running activities finish before cancelling them; the
    # pod's termination grace period must be longer.
    worker_shutdown_grace_seconds: float = 120.0

    @property
    def worker_shutdown_grace(self) -> timedelta:
        return timedelta(seconds=self.worker_shutdown_grace_seconds)


API = "api"
WORKER = "worker"


class ProcessRoles(BaseSettings):
    """What a process of a service with a Temporal worker runs (transfer, export)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    # Comma separated: "api" (HTTP API, outbox relay, consumers) and/or "worker" (the Temporal
    # workers). Production runs them as separate deployments, so workflow tasks never queue
    # behind HTTP requests on one event loop.
    roles: str = f"{API},{WORKER}"

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


class S3Settings(BaseSettings):
    """Object storage (MinIO in production, any S3 endpoint locally)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    s3_endpoint: str
    s3_access_key: str
    s3_secret_key: str
    s3_secure: bool = False
    s3_region: str = "us-east-1"


S = TypeVar("S", bound=BaseSettings)


def load_settings(cls: type[S]) -> S:
    """Read settings from the environment or stop with the names of the bad variables."""
    try:
        return cls()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = ENV_PREFIX + "_".join(str(part) for part in error["loc"]).upper()
            problems.append(f"{name}: {error['msg']}")
        raise SettingsError("invalid configuration: " + "; ".join(problems)) from None
