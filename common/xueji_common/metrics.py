"""Prometheus metrics shared by every service (one registry per process)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "xueji_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "xueji_http_request_duration_seconds", "HTTP request latency", ["service", "method", "route"]
)
OUTBOX_BACKLOG = Gauge("xueji_outbox_backlog", "Outbox rows not yet published", ["service"])
OUTBOX_OLDEST_AGE = Gauge(
    "xueji_outbox_oldest_unpublished_seconds",
    "Age of the oldest outbox row not yet published (0 when none waits)",
    ["service"],
)
OUTBOX_PUBLISHED = Counter("xueji_outbox_published_total", "Outbox rows published", ["service"])
CONSUMER_LAG = Gauge(
    "xueji_consumer_lag", "Messages behind the log end", ["consumer", "topic", "partition"]
)
EVENTS_HANDLED = Counter(
    "xueji_events_handled_total", "Events applied by consumers", ["consumer", "event_type"]
)
EVENTS_FAILED = Counter(
    "xueji_events_failed_total", "Events sent to a dead-letter topic", ["consumer", "reason"]
)
