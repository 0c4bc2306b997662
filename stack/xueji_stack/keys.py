"""The secrets of a local stack (token keys, passwords, the console's session key), created once
and kept in its state dir."""

from __future__ import annotations

import secrets
from pathlib import Path

from xueji_common.auth.tokens import generate_key_pair


def ensure_token_keys(state_dir: Path) -> tuple[Path, Path]:
    """(private, public) PEM paths; generated on first use, reused afterwards."""
    key_dir = state_dir / "keys"
    private, public = key_dir / "token-private.pem", key_dir / "token-public.pem"
    if not (private.exists() and public.exists()):
        key_dir.mkdir(parents=True, exist_ok=True)
        private_pem, public_pem = generate_key_pair()
        private.write_bytes(private_pem)
        private.chmod(0o600)
        public.write_bytes(public_pem)
    return private, public


def ensure_service_password(state_dir: Path, account: str) -> str:
    """The password of a platform service account, generated once and kept with the keys."""
    path = state_dir / "keys" / f"{account}.password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(24))
        path.chmod(0o600)
    return path.read_text().strip()


def ensure_console_session_key(state_dir: Path) -> Path:
    """The file holding the console's CSRF key; generated once, so forms survive a restart."""
    return _secret_key(state_dir, "console-session.key")


def ensure_watermark_key(state_dir: Path) -> Path:
    """The file holding the export files' watermark key; generated once, so a file's
    watermark still verifies after a restart."""
    return _secret_key(state_dir, "export-watermark.key")


def _secret_key(state_dir: Path, name: str) -> Path:
    path = state_dir / "keys" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path
