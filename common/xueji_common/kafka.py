"""Kafka clients configured the one way Xueji uses them."""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

log = logging.getLogger(__name__)

# Stopping a client leaves its group and flushes what it holds; a broker that never answers
# (Tansu after a botched rebalance, a partitioned network) must not hold the job's shutdown:
# the group expires the member after its session timeout, and unflushed sends are republished.
STOP_SECONDS = 10.0


def make_producer(bootstrap: str, *, client_id: str) -> AIOKafkaProducer:
    # acks=all without idempotence: Tansu cannot issue producer ids, and consumers dedupe anyway.
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=client_id,
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        request_timeout_ms=10_000,
        retry_backoff_ms=200,
    )


async def stop_client(client: AIOKafkaConsumer | AIOKafkaProducer, name: str) -> None:
    """Stop `client`, giving up after STOP_SECONDS (logged) instead of hanging."""
    try:
        async with asyncio.timeout(STOP_SECONDS):
            await client.stop()
    except TimeoutError:
        log.warning("kafka client of %s not stopped in %.0f s: left behind", name, STOP_SECONDS)
