"""`python -m xueji_photo`: migrate and serve; `python -m xueji_photo rebuild-roster`: rebuild
the roster by replaying the pupil and transfer topics from their start."""

from __future__ import annotations

import asyncio
import sys

from xueji_common.db import Database
from xueji_common.logs import configure_logging
from xueji_common.migrations import upgrade_to_head
from xueji_common.service import run_service
from xueji_common.settings import load_settings
from xueji_photo.bootstrap import MIGRATIONS, build
from xueji_photo.roster.projection import RosterProjection
from xueji_photo.roster.rebuild import rebuild_roster
from xueji_photo.schema import SCHEMA
from xueji_photo.settings import PhotoSettings

REBUILD_ROSTER = "rebuild-roster"


async def _serve() -> None:
    kernel, parts = await build(load_settings(PhotoSettings))
    await run_service(kernel, MIGRATIONS, parts)


async def _rebuild() -> None:
    settings = load_settings(PhotoSettings)
    configure_logging("photo", settings.log_level)
    await upgrade_to_head(MIGRATIONS, settings.asyncpg_url, SCHEMA)
    db = Database(settings.asyncpg_url, SCHEMA)
    try:
        projection = RosterProjection(settings.five_year_primary_provinces)
        applied = await rebuild_roster(
            db, projection, settings.kafka_bootstrap, security=settings.kafka_security
        )
    finally:
        await db.dispose()
    print(f"roster rebuilt from {applied} events")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args == [REBUILD_ROSTER]:
        asyncio.run(_rebuild())
    elif not args:
        asyncio.run(_serve())
    else:
        sys.exit(f"usage: python -m xueji_photo [{REBUILD_ROSTER}]")


if __name__ == "__main__":
    main()
