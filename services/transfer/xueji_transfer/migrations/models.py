"""Every transfer table module, imported so the metadata is complete for autogenerate."""

from xueji_transfer.calendar import tables as _calendar  # noqa: F401
from xueji_transfer.evidence import tables as _evidence  # noqa: F401
from xueji_transfer.rules import tables as _rules  # noqa: F401
from xueji_transfer.schema import metadata
from xueji_transfer.transfers import tables as _transfers  # noqa: F401

__all__ = ["metadata"]
