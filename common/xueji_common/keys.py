"""Reading the token keys named by settings."""

from __future__ import annotations

from pathlib import Path

from xueji_common.settings import ENV_PREFIX, SettingsError


def read_key(path: str, variable: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SettingsError(f"{ENV_PREFIX}{variable}: cannot read {path}: {exc.strerror}") from None
    if b"-----BEGIN" not in data:
        raise SettingsError(f"{ENV_PREFIX}{variable}: {path} is not a PEM key")
    return data
