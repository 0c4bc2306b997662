"""Checks of the platform resources against the code's topic and bucket lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tests.unit.deploy.kustomize import Build
from xueji_stack.topics import all_topics

_PROVINCE_TOPIC = re.compile(r"xueji\.province\.(\d{2})\.(?:inbound|outbound)\.v1(?:\.dlq)?")


def kafka_topic_names(platform: Build) -> dict[str, dict]:
    """Topic name -> KafkaTopic resource (spec.topicName, or the resource name)."""
    return {t["spec"].get("topicName", t["metadata"]["name"]): t
            for t in platform.of_kind("KafkaTopic")}


def docking_provinces(topics: Iterable[str]) -> set[str]:
    return {m.group(1) for t in topics if (m := _PROVINCE_TOPIC.fullmatch(t))}


def topic_problems(platform: Build, docking: Iterable[str]) -> list[str]:
    """Every topic the code needs for these provinces is declared, and nothing else."""
    declared = set(kafka_topic_names(platform))
    provinces = docking_provinces(declared) | set(docking)
    needed = set(all_topics(sorted(provinces)))
    return [f"no KafkaTopic for {t}" for t in sorted(needed - declared)] + [
        f"KafkaTopic {t} is not a topic of xueji_stack.topics" for t in sorted(declared - needed)
    ]


def bucket_problems(platform: Build, buckets: Iterable[str]) -> list[str]:
    """The Tenant declares exactly the buckets the code writes to."""
    [tenant] = platform.of_kind("Tenant")
    declared = {b["name"] for b in tenant["spec"].get("buckets", [])}
    wanted = set(buckets)
    return [f"Tenant has no bucket {b}" for b in sorted(wanted - declared)] + [
        f"Tenant bucket {b} is not in xueji_stack.buckets" for b in sorted(declared - wanted)
    ]
