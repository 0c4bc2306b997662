"""Kafka clients configured the one way Xueji uses them."""

from __future__ import annotations

from aiokafka import AIOKafkaProducer


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
