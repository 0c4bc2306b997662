"""`python -m xueji_transfer`: migrate and serve."""

from __future__ import annotations

import asyncio

from xueji_common.service import run_service
from xueji_common.settings import load_settings
from xueji_transfer.bootstrap import MIGRATIONS, build
from xueji_transfer.settings import TransferSettings


async def _main() -> None:
    kernel, parts = await build(load_settings(TransferSettings))
    await run_service(kernel, MIGRATIONS, parts)


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
