"""The console's settings: where the services are, and the keys it verifies and signs with."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from xueji_common.settings import ENV_PREFIX


class ConsoleSettings(BaseSettings):
    """No database and no broker: every figure on a page comes from a service's API."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    http_host: str = "127.0.0.1"
    http_port: int = 8005
    http_max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    log_level: str = "INFO"
    registry_url: str
    transfer_url: str
    photo_url: str
    export_url: str
    # Tokens are verified offline, as every service does, to show who is signed in and when
    # the session ends without a round trip to the registry.
    token_public_key_file: str
    # HMAC key binding each form's CSRF token to the browser's session cookie; shared by all
    # replicas, so a form served by one is accepted by another.
    console_session_key_file: str
    # Seconds an API call may take before the page shows the service as unavailable.
    console_api_timeout_seconds: float = Field(default=30.0, gt=0)
