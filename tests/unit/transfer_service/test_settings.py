"""The transfer service's settings ask for what the process's roles use, and no more."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError

from xueji_transfer.settings import TransferSettings

REQUIRED = {
    "database_url": "postgresql+asyncpg://transfer@db/xueji",
    "kafka_bootstrap": "kafka:9092",
    "registry_password": "secret",
    "temporal_address": "temporal:7233",
    "token_public_key_file": "/keys/public.pem",
}
OBJECT_STORE = {"s3_endpoint": "minio:9000", "s3_access_key": "ak", "s3_secret_key": "sk"}


@pytest.fixture(autouse=True)
def _no_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("XUEJI_")]:
        monkeypatch.delenv(name)


def test_a_worker_needs_no_object_store_secret() -> None:
    settings = TransferSettings(**REQUIRED, roles="worker")
    assert settings.role_set == {"worker"}


@pytest.mark.parametrize("roles", ["api", "api,worker"])
def test_the_api_role_names_the_missing_object_store_settings(roles: str) -> None:
    with pytest.raises(ValidationError, match="XUEJI_S3_ACCESS_KEY, XUEJI_S3_SECRET_KEY"):
        TransferSettings(**REQUIRED, roles=roles, s3_endpoint="minio:9000")
    assert TransferSettings(**REQUIRED, **OBJECT_STORE, roles=roles).s3_access_key == "ak"
