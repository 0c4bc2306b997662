"""Pages from the Jinja2 templates, with what every page shows: who, the menu, the messages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from xueji_console import flash, labels
from xueji_console.clients.calls import ServiceProblem
from xueji_console.navigation import sections_for
from xueji_console.session import (
    CSRF_FIELD,
    SESSION_COOKIE,
    PhotoVisitor,
    SessionKeys,
    Visitor,
    set_cookie,
)
from xueji_console.unit_names import UnitNames

TEMPLATES = Path(__file__).parent / "templates"


# China keeps one offset all year; a fixed one needs no time-zone database in the image.
CHINA = timezone(timedelta(hours=8), "CST")


def _when(value: datetime | str | None) -> str:
    """A moment in China time, '2026-12-03 16:00'; the APIs answer in ISO 8601."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


class Renderer:
    def __init__(self, keys: SessionKeys, unit_names: UnitNames) -> None:
        self._keys = keys
        self._unit_names = unit_names
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(labels=labels, name_of=labels.name_of, csrf_field=CSRF_FIELD)
        self.env.filters["when"] = _when

    async def page(
        self,
        request: Request,
        template: str,
        context: dict[str, Any],
        *,
        visitor: Visitor | PhotoVisitor | None,
        section: str | None = None,
        status: int = 200,
        problem: ServiceProblem | None = None,
    ) -> HTMLResponse:
        """The page, answered with the status of the service's refusal when it shows one."""
        if problem is not None:
            status = problem.status
        session_id = request.cookies.get(SESSION_COOKIE)
        fresh = session_id is None
        session_id = session_id or self._keys.new_session_id()
        person = await self._person(visitor)
        body = self.env.get_template(template).render(
            **context,
            person=person,
            sections=sections_for(person["role_key"]) if person else [],
            current=section,
            csrf_token=self._keys.csrf_token(session_id),
            flashes=flash.waiting(request),
        )
        response = HTMLResponse(body, status_code=status)
        flash.shown(request, response)
        if fresh:
            set_cookie(response, SESSION_COOKIE, session_id)
        return response

    async def _person(self, visitor: Visitor | PhotoVisitor | None) -> dict[str, Any] | None:
        if visitor is None:
            return None
        if isinstance(visitor, PhotoVisitor):
            # The photo service's sessions end on its side; the header has no expiry to show.
            return {
                "name": visitor.name,
                "role": labels.name_of(labels.ROLE_NAMES, visitor.role),
                "role_key": visitor.role,
                "unit": visitor.school_code or "",
                "unit_code": visitor.school_code or "",
                "expires_at": None,
                "signout": "/parent/signout" if visitor.is_parent else "/photos/signout",
            }
        principal = visitor.principal
        return {
            "name": principal.name,
            "role": labels.name_of(labels.ROLE_NAMES, principal.role.value),
            "role_key": principal.role.value,
            "unit": await self._unit_names.name(visitor.token, principal.unit_code),
            "unit_code": principal.unit_code,
            "expires_at": visitor.expires_at,
            "signout": "/signout",
        }
