"""Every registry table module, imported so the metadata is complete for autogenerate."""

from xueji_registry.accounts import tables as _accounts  # noqa: F401
from xueji_registry.orgs import tables as _orgs  # noqa: F401
from xueji_registry.schema import metadata

__all__ = ["metadata"]
