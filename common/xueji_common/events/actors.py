"""The contract's Actor for whoever caused an event."""

from __future__ import annotations

from xueji.common.v1.actor_pb2 import Actor
from xueji_common.auth.principal import Principal


def actor_of(principal: Principal) -> Actor:
    return Actor(
        account_id=principal.account_id,
        name=principal.name,
        role=principal.role.value,
        unit_code=principal.unit_code,
    )


def platform_actor(job: str) -> Actor:
    """The platform itself (a scheduled job, a timer, the demo seeder)."""
    return Actor(name=job, role="platform")
