"""Every registry table module, imported so the metadata is complete for autogenerate."""

from xueji_registry.accounts import tables as _accounts  # noqa: F401
from xueji_registry.classes import tables as _classes  # noqa: F401
from xueji_registry.corrections import tables as _corrections  # noqa: F401
from xueji_registry.evidence import tables as _evidence  # noqa: F401
from xueji_registry.imports import tables as _imports  # noqa: F401
from xueji_registry.orgs import tables as _orgs  # noqa: F401
from xueji_registry.platform_api import tables as _platform_api  # noqa: F401
from xueji_registry.pupils import tables as _pupils  # noqa: F401
from xueji_registry.registration import tables as _registration  # noqa: F401
from xueji_registry.reports import tables as _reports  # noqa: F401
from xueji_registry.schema import metadata
from xueji_registry.status_changes import tables as _status_changes  # noqa: F401

__all__ = ["metadata"]
