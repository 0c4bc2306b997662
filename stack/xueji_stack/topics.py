"""Kafka topic names: part of the event contract (SPEC section 8)."""

from __future__ import annotations

import re
from collections.abc import Iterable

REGISTRY_PUPIL_TOPIC = "xueji.registry.pupil.v1"
REGISTRY_ORG_TOPIC = "xueji.registry.org.v1"
TRANSFER_TOPIC = "xueji.transfer.v1"
PHOTO_TOPIC = "xueji.photo.v1"
EXPORT_TOPIC = "xueji.export.v1"

SERVICE_TOPICS: tuple[str, ...] = (
    REGISTRY_PUPIL_TOPIC,
    REGISTRY_ORG_TOPIC,
    TRANSFER_TOPIC,
    PHOTO_TOPIC,
    EXPORT_TOPIC,
)

_PROVINCE_CODE = re.compile(r"[1-9]\d")


def dead_letter_topic(topic: str) -> str:
    """Where a consumer of `topic` parks the messages it could not handle."""
    return f"{topic}.dlq"


def province_outbound_topic(province_code: str) -> str:
    """What a docking province must act on or mirror; read by that province only."""
    return f"xueji.province.{_checked(province_code)}.outbound.v1"


def province_inbound_topic(province_code: str) -> str:
    """Decisions and changes a docking province sends us."""
    return f"xueji.province.{_checked(province_code)}.inbound.v1"


def all_topics(docking_provinces: Iterable[str] = ()) -> tuple[str, ...]:
    """Every topic the platform needs, with a dead-letter twin for each topic we consume.

    Outbound province topics get no twin: the province consumes them, not us.
    """
    consumed = list(SERVICE_TOPICS)
    outbound: list[str] = []
    for code in sorted(set(docking_provinces)):
        consumed.append(province_inbound_topic(code))
        outbound.append(province_outbound_topic(code))
    twins = [dead_letter_topic(topic) for topic in consumed]
    return (*consumed, *twins, *outbound)


def _checked(province_code: str) -> str:
    # GB/T 2260: a province is the first two digits of a division code, 11..82.
    if not _PROVINCE_CODE.fullmatch(province_code):
        raise ValueError(f"not a two-digit GB/T 2260 province code: {province_code!r}")
    return province_code
