"""Every export table module, imported so the metadata is complete for autogenerate."""

from xueji_export.applications import tables as _applications  # noqa: F401
from xueji_export.approval import tables as _approval  # noqa: F401
from xueji_export.audit import tables as _audit  # noqa: F401
from xueji_export.files import tables as _files  # noqa: F401
from xueji_export.province_settings import tables as _settings  # noqa: F401
from xueji_export.read_model import tables as _read_model  # noqa: F401
from xueji_export.reports import tables as _reports  # noqa: F401
from xueji_export.schema import metadata

__all__ = ["metadata"]
