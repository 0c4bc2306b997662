"""`python -m xueji_console`: serve the console's pages."""

from __future__ import annotations

import asyncio

from xueji_common.logs import configure_logging
from xueji_common.runtime import serve
from xueji_common.settings import load_settings
from xueji_console.bootstrap import build
from xueji_console.settings import ConsoleSettings


async def _main() -> None:
    settings = load_settings(ConsoleSettings)
    configure_logging("console", settings.log_level)
    await serve(build(settings), host=settings.http_host, port=settings.http_port, background=[])


def main() -> None:
    asyncio.run(_main())


if __name__ == "__main__":
    main()
