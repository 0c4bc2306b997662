"""Request guards: a signed-in person, a section their role may use, a valid CSRF token."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from xueji_console.navigation import may_use
from xueji_console.parts import console_of
from xueji_console.session import CSRF_FIELD, SESSION_COOKIE, TOKEN_COOKIE, Visitor, visitor_of

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class CsrfRefused(Exception):
    """A state-changing request without the form token of this browser's session."""


class SectionRefused(Exception):
    """The person's role may not use this section."""


def signed_in(request: Request) -> Visitor:
    return visitor_of(request.cookies.get(TOKEN_COOKIE), console_of(request).verifier)


SignedIn = Annotated[Visitor, Depends(signed_in)]


def in_section(key: str) -> Callable[[Visitor], Awaitable[Visitor]]:
    """A dependency giving the visitor when their role may use the section `key`."""

    async def guard(visitor: SignedIn) -> Visitor:
        if not may_use(visitor.principal.role, key):
            raise SectionRefused(key)
        return visitor

    return guard


async def require_csrf(request: Request) -> None:
    """On every route of the app: anything but a read must carry the session's form token."""
    if request.method in SAFE_METHODS:
        return
    form = await request.form()
    keys = console_of(request).keys
    if not keys.csrf_valid(request.cookies.get(SESSION_COOKIE), form.get(CSRF_FIELD)):
        raise CsrfRefused()


def in_any_section(*keys: str) -> Callable[[Visitor], Awaitable[Visitor]]:
    """The visitor when their role may use one of the sections `keys` (a page two serve)."""

    async def guard(visitor: SignedIn) -> Visitor:
        if not any(may_use(visitor.principal.role, key) for key in keys):
            raise SectionRefused(keys[0])
        return visitor

    return guard
