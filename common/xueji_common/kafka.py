"""Kafka clients configured the one way Xueji uses them."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.helpers import create_ssl_context

log = logging.getLogger(__name__)

# Stopping a client leaves its group and flushes what it holds; a broker that never answers
# (Tansu after a botched rebalance, a partitioned network) must not hold the job's shutdown:
# the group expires the member after its session timeout, and unflushed sends are republished.
STOP_SECONDS = 10.0

PLAINTEXT = "PLAINTEXT"
# TLS with a client certificate (mutual TLS): the broker knows the client by its certificate's
# subject and applies that KafkaUser's ACLs.
SSL = "SSL"


class KafkaSecurityError(ValueError):
    """Kafka security settings that cannot work together."""


@dataclass(frozen=True)
class KafkaSecurity:
    """How a client proves who it is to the broker and keeps its traffic private.

    PLAINTEXT is for the local stack only (Tansu has neither TLS nor ACLs); production uses
    SSL with the KafkaUser's certificate and the cluster CA (deploy/README.md).
    """

    protocol: str = PLAINTEXT
    ca_file: str = ""
    cert_file: str = ""
    key_file: str = ""

    def __post_init__(self) -> None:
        if self.protocol not in (PLAINTEXT, SSL):
            raise KafkaSecurityError(
                f"protocol must be {PLAINTEXT} or {SSL}, not {self.protocol!r}"
            )
        files = {"ca": self.ca_file, "cert": self.cert_file, "key": self.key_file}
        if self.protocol == PLAINTEXT and any(files.values()):
            named = ", ".join(f"{name} file" for name, path in files.items() if path)
            raise KafkaSecurityError(f"{PLAINTEXT} takes no certificates, but {named} given")
        if self.protocol == SSL and not all(files.values()):
            missing = ", ".join(f"{name} file" for name, path in files.items() if not path)
            raise KafkaSecurityError(f"{SSL} needs the {missing}")

    def client_options(self) -> dict[str, Any]:
        """Keyword arguments for any aiokafka client (producer, consumer, admin, bare client).

        The certificate files are read here, at each client's construction: Strimzi renews a
        user's certificate in its mounted Secret, and the next client made (every consumer
        restart, every relay run) presents the new one.
        """
        if self.protocol == PLAINTEXT:
            return {"security_protocol": PLAINTEXT}
        context = create_ssl_context(
            cafile=self.ca_file, certfile=self.cert_file, keyfile=self.key_file
        )
        return {"security_protocol": SSL, "ssl_context": context}


NO_SECURITY = KafkaSecurity()


def make_producer(
    bootstrap: str, *, client_id: str, security: KafkaSecurity = NO_SECURITY
) -> AIOKafkaProducer:
    # acks=all without idempotence: Tansu cannot issue producer ids, and consumers dedupe anyway.
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        client_id=client_id,
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        request_timeout_ms=10_000,
        retry_backoff_ms=200,
        **security.client_options(),
    )


async def stop_client(client: AIOKafkaConsumer | AIOKafkaProducer, name: str) -> None:
    """Stop `client`, giving up after STOP_SECONDS (logged) instead of hanging."""
    try:
        async with asyncio.timeout(STOP_SECONDS):
            await client.stop()
    except TimeoutError:
        log.warning("kafka client of %s not stopped in %.0f s: left behind", name, STOP_SECONDS)
