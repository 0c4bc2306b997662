"""Signed access tokens: the registry signs with Ed25519, every service verifies offline."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from xueji_common.auth.principal import Principal, Role, UnitKind

ISSUER = "xueji-registry"
AUDIENCE = "xueji"
ALGORITHM = "EdDSA"


class InvalidToken(Exception):
    """The token is missing, expired, forged or malformed."""


def generate_key_pair() -> tuple[bytes, bytes]:
    """A new (private PEM, public PEM) pair for a deployment's token signer."""
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public


class TokenIssuer:
    def __init__(self, private_key_pem: bytes, *, ttl: timedelta = timedelta(hours=8)) -> None:
        self._key = serialization.load_pem_private_key(private_key_pem, password=None)
        self.ttl = ttl

    def issue(self, principal: Principal, *, now: datetime | None = None) -> str:
        issued = now or datetime.now(UTC)
        claims = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": principal.account_id,
            "jti": uuid.uuid4().hex,
            "iat": issued,
            "exp": issued + self.ttl,
            "name": principal.name,
            "role": principal.role.value,
            "unit": principal.unit_code,
            "unit_kind": principal.unit_kind.value,
            "path": list(principal.unit_path),
        }
        return jwt.encode(claims, self._key, algorithm=ALGORITHM)


class TokenVerifier:
    def __init__(self, public_key_pem: bytes) -> None:
        self._key = serialization.load_pem_public_key(public_key_pem)

    def verify(self, token: str) -> Principal:
        try:
            claims = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "aud", "iss"]},
            )
            path = tuple(str(code) for code in claims["path"])
            principal = Principal(
                account_id=str(claims["sub"]),
                name=str(claims["name"]),
                role=Role(claims["role"]),
                unit_code=str(claims["unit"]),
                unit_kind=UnitKind(claims["unit_kind"]),
                unit_path=path,
            )
        except (jwt.PyJWTError, KeyError, ValueError, TypeError) as exc:
            raise InvalidToken(str(exc)) from exc
        if not path or path[-1] != principal.unit_code:
            raise InvalidToken("token path does not end at its unit")
        return principal
