"""The console's session: the token cookie verified offline, forms bound to the session id."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from xueji_common.auth.principal import Principal, Role, UnitKind
from xueji_common.auth.tokens import TokenIssuer, TokenVerifier, generate_key_pair
from xueji_console.session import SessionKeys, SignInRequired, visitor_of

REGISTRAR = Principal(
    account_id="a1",
    name="刘晓燕",
    role=Role.SCHOOL_REGISTRAR,
    unit_code="2131000101",
    unit_kind=UnitKind.SCHOOL,
    unit_path=("CN", "31", "3101", "310118", "2131000101"),
)


@pytest.fixture(scope="module")
def keys() -> tuple[TokenIssuer, TokenVerifier]:
    private, public = generate_key_pair()
    return TokenIssuer(private), TokenVerifier(public)


def test_a_valid_token_is_the_visitor_with_its_expiry(keys) -> None:
    issuer, verifier = keys
    now = datetime.now(UTC).replace(microsecond=0)
    visitor = visitor_of(issuer.issue(REGISTRAR, now=now), verifier)
    assert visitor.principal == REGISTRAR
    assert visitor.expires_at == now + issuer.ttl


def test_an_expired_token_says_the_session_expired(keys) -> None:
    issuer, verifier = keys
    expired = issuer.issue(REGISTRAR, now=datetime.now(UTC) - issuer.ttl - timedelta(seconds=5))
    with pytest.raises(SignInRequired) as refused:
        visitor_of(expired, verifier)
    assert refused.value.expired


@pytest.mark.parametrize("token", [None, "", "not-a-token"])
def test_no_token_or_a_broken_one_asks_to_sign_in(keys, token: str | None) -> None:
    with pytest.raises(SignInRequired) as refused:
        visitor_of(token, keys[1])
    assert not refused.value.expired


def test_a_token_of_another_signer_is_refused(keys) -> None:
    other_private, _ = generate_key_pair()
    with pytest.raises(SignInRequired):
        visitor_of(TokenIssuer(other_private).issue(REGISTRAR), keys[1])


def test_a_form_token_is_valid_only_for_its_own_session() -> None:
    keys = SessionKeys(b"k" * 32)
    session, other = keys.new_session_id(), keys.new_session_id()
    token = keys.csrf_token(session)
    assert keys.csrf_valid(session, token)
    assert not keys.csrf_valid(other, token)
    assert not keys.csrf_valid(session, token[:-1])
    assert not keys.csrf_valid(None, token)
    assert not keys.csrf_valid(session, None)
    assert SessionKeys(b"x" * 32).csrf_token(session) != token
