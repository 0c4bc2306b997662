"""Rebuilds the read model from the pupil, transfer and photo topics
(`xueji_common.events.replay`).

Every write of the projection is guarded by record version or event time, so replaying the
whole history gives the same rows whatever the live consumer applies meanwhile.
"""

from __future__ import annotations

from xueji_common.contracts import TOPIC_PHOTO, TOPIC_PUPIL, TOPIC_TRANSFER
from xueji_common.db import Database
from xueji_common.events.replay import replay_into
from xueji_common.kafka import NO_SECURITY, KafkaSecurity
from xueji_export.read_model.projection import APPLIED_TYPES, apply_many
from xueji_export.read_model.tables import pupil_read_model


async def rebuild_read_model(
    db: Database, bootstrap: str, *, security: KafkaSecurity = NO_SECURITY
) -> int:
    """The number of events applied."""
    return await replay_into(
        db,
        bootstrap,
        security,
        table=pupil_read_model,
        topics=(TOPIC_PUPIL, TOPIC_TRANSFER, TOPIC_PHOTO),
        applied_types=APPLIED_TYPES,
        apply_batch=apply_many,
        client_id="export-read-model-rebuild",
    )
