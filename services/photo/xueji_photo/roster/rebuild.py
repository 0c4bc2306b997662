"""Rebuilds the roster from the pupil and transfer topics (`xueji_common.events.replay`).

The projection keeps the newest record version and keeps arrivals from another province, so
applying the whole history again gives the same roster whatever the live consumer applies
meanwhile.
"""

from __future__ import annotations

from xueji_common.contracts import TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.db import Database
from xueji_common.events.replay import replay_into
from xueji_common.kafka import NO_SECURITY, KafkaSecurity
from xueji_photo.roster.projection import APPLIED_TYPES, RosterProjection
from xueji_photo.roster.tables import roster_pupils


async def rebuild_roster(
    db: Database,
    projection: RosterProjection,
    bootstrap: str,
    *,
    security: KafkaSecurity = NO_SECURITY,
) -> int:
    """The number of events applied."""
    return await replay_into(
        db,
        bootstrap,
        security,
        table=roster_pupils,
        topics=(TOPIC_PUPIL, TOPIC_TRANSFER),
        applied_types=APPLIED_TYPES,
        apply_batch=projection.apply_many,
        client_id="photo-roster-rebuild",
    )
