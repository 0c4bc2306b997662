"""The trace id that follows one request through events and workflows."""

from __future__ import annotations

import uuid
from contextvars import ContextVar

_trace_id: ContextVar[str | None] = ContextVar("xueji_trace_id", default=None)


def current_trace_id() -> str | None:
    return _trace_id.get()


def set_trace_id(trace_id: str | None) -> str:
    """Adopt the caller's trace id, or start a new one."""
    value = trace_id or uuid.uuid4().hex
    _trace_id.set(value)
    return value
