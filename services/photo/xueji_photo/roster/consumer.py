"""The roster's consumer: xueji_common's consumer with the projection as its batch handler.

Everything a fetch brings (up to `MAX_RECORDS`, all partitions) is applied in one
transaction: snapshots of one pupil fold into one, new pupils go in with one statement. Should
a batch fail, the common consumer handles its events one by one, so a bad event still only
costs itself (retries, then the dead-letter topic).
"""

from __future__ import annotations

from collections.abc import Sequence

from xueji_common.events.consumer import BatchHandler, Handler, one_at_a_time
from xueji_common.events.incoming import IncomingEvent
from xueji_common.uow import UnitOfWork
from xueji_photo.roster.projection import APPLIED_TYPES, RosterProjection

# A fetch of this many events is one transaction: a few thousand rows commit in one go, and
# a batch that must be handled again one by one stays short.
MAX_RECORDS = 2_000


def roster_handlers(projection: RosterProjection) -> tuple[dict[str, Handler], BatchHandler]:
    """The consumer's per-event handlers and its batch handler, both the projection's."""

    async def apply(events: Sequence[IncomingEvent], uow: UnitOfWork) -> None:
        await projection.apply_many(uow.session, [(e.envelope, e.message) for e in events])

    return dict.fromkeys(APPLIED_TYPES, one_at_a_time(apply)), apply
