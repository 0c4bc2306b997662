"""Whose address a sign-in attempt counts against."""

from __future__ import annotations

from xueji_photo.signing_in.client_address import TrustedProxies, client_address

PROXY = TrustedProxies.parse("10.0.0.5, 10.1.0.0/16")


def test_without_trusted_proxies_the_connection_is_the_client() -> None:
    assert client_address("203.0.113.7", "198.51.100.1", TrustedProxies()) == "203.0.113.7"


def test_forwarded_for_from_an_untrusted_peer_is_ignored() -> None:
    assert client_address("203.0.113.7", "198.51.100.1", PROXY) == "203.0.113.7"


def test_a_trusted_proxy_names_the_client() -> None:
    assert client_address("10.0.0.5", "198.51.100.1", PROXY) == "198.51.100.1"


def test_hops_the_client_wrote_itself_are_not_believed() -> None:
    # The client sent "1.2.3.4"; the proxies appended the real client, then themselves.
    forwarded = "1.2.3.4, 198.51.100.1, 10.1.2.3"
    assert client_address("10.0.0.5", forwarded, PROXY) == "198.51.100.1"


def test_a_trusted_proxy_without_forwarded_for_is_the_client() -> None:
    assert client_address("10.0.0.5", None, PROXY) == "10.0.0.5"
    assert client_address(None, None, PROXY) == "unknown"
