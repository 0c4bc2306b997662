"""Request-scoped access to the Temporal client and the case launcher the app was built with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from temporalio.client import Client

from xueji_registry.status_changes.launching import CaseLauncher


def _temporal(request: Request) -> Client:
    return request.app.state.temporal


def _launcher(request: Request) -> CaseLauncher:
    return request.app.state.case_launcher


Temporal = Annotated[Client, Depends(_temporal)]
Launcher = Annotated[CaseLauncher, Depends(_launcher)]
