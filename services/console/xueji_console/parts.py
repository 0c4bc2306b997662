"""What the pages share, built once by the composition root and kept on the app."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from xueji_common.auth.tokens import TokenVerifier
from xueji_console.clients.export import ExportClient
from xueji_console.clients.photo import PhotoClient
from xueji_console.clients.registry import RegistryClient
from xueji_console.clients.transfer import TransferClient
from xueji_console.rendering import Renderer
from xueji_console.session import SessionKeys
from xueji_console.unit_names import UnitNames


@dataclass(frozen=True)
class Console:
    renderer: Renderer
    keys: SessionKeys
    verifier: TokenVerifier
    registry: RegistryClient
    transfer: TransferClient
    photo: PhotoClient
    export: ExportClient
    unit_names: UnitNames


def console_of(request: Request) -> Console:
    return request.app.state.console
