"""The order of a transfer list as a bureau works through it: overdue first, then the nearest
deadline, undated last. Pure: the pages fetch, this orders."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

LATEST = datetime.max.replace(tzinfo=UTC)


def _due(item: Mapping[str, Any]) -> datetime:
    value = item.get("current_deadline")
    return datetime.fromisoformat(value).astimezone(UTC) if value else LATEST


def ordered(items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(items, key=lambda item: (not item["overdue"], _due(item)))
