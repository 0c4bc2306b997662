"""The client's address: the connection's, or what a trusted proxy says it forwarded (pure).

X-Forwarded-For is believed only from a trusted proxy, and only up to the first hop that is
not one: anything left of that was written by the client and proves nothing.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class TrustedProxies:
    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, setting: str) -> TrustedProxies:
        """'10.0.0.5, 10.1.0.0/16' (an address is its own one-address network)."""
        parts = (part.strip() for part in setting.split(","))
        return cls(tuple(ipaddress.ip_network(part, strict=False) for part in parts if part))

    def trusts(self, text: str) -> bool:
        address = _address(text)
        return address is not None and any(address in network for network in self.networks)


def client_address(peer: str | None, forwarded_for: str | None, proxies: TrustedProxies) -> str:
    """The address attempts are counted against."""
    if not peer:
        return "unknown"
    if not proxies.trusts(peer):
        return peer
    hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not proxies.trusts(hop):
            return hop
    return hops[0] if hops else peer
