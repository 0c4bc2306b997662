"""`python -m xueji_photo`: migrate and serve."""

from __future__ import annotations

import asyncio

from xueji_common.service import run_service
from xueji_common.settings import load_settings
from xueji_photo.bootstrap import MIGRATIONS, build
from xueji_photo.settings import PhotoSettings


async def _main() -> None:
    kernel, parts = await build(load_settings(PhotoSettings))
    await run_service(kernel, MIGRATIONS, parts)


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
