"""Request-scoped parts the pupil endpoints share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from xueji_registry.pupils.writing.numbers import NumberAllocator


def _numbers(request: Request) -> NumberAllocator:
    return request.app.state.numbers


Numbers = Annotated[NumberAllocator, Depends(_numbers)]
