"""Names of organisation units for the page header, remembered for a while.

Every page shows the signed-in person's unit; asking the registry on each page would add a
call to each. Names change rarely (a renamed school shows its new name within the hour).
"""

from __future__ import annotations

import time

from xueji_console.clients.calls import ServiceProblem
from xueji_console.clients.registry import RegistryClient

KEEP_SECONDS = 3600.0
MAX_UNITS = 10_000


class UnitNames:
    def __init__(self, registry: RegistryClient) -> None:
        self._registry = registry
        self._known: dict[str, tuple[float, str]] = {}

    async def name(self, token: str, code: str) -> str:
        now = time.monotonic()
        known = self._known.get(code)
        if known is not None and now - known[0] < KEEP_SECONDS:
            return known[1]
        try:
            unit = await self._registry.unit(token, code)
        except ServiceProblem:
            # The header still renders (an error page among them) when the registry fails.
            return code
        if len(self._known) >= MAX_UNITS:
            self._known.clear()
        self._known[code] = (now, str(unit["name"]))
        return str(unit["name"])
