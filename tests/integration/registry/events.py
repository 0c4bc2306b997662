"""Reading what the registry wrote to its outbox, decoded."""

from __future__ import annotations

from google.protobuf.message import Message
from sqlalchemy import select

from xueji_common.contracts import event_type
from xueji_common.db import Database
from xueji_registry.schema import outbox


async def outbox_events(db: Database, key: str) -> list[tuple[str, Message]]:
    """Every event with this Kafka key, in commit order, with its decoded payload."""
    async with db.sessions() as session:
        rows = (
            await session.execute(
                select(outbox.c.event_type, outbox.c.payload)
                .where(outbox.c.aggregate_id == key)
                .order_by(outbox.c.seq)
            )
        ).all()
    return [(kind, event_type(kind).message.FromString(payload)) for kind, payload in rows]


async def event_kinds(db: Database, key: str) -> list[str]:
    return [kind for kind, _ in await outbox_events(db, key)]
