"""Every photo table module, imported so the metadata is complete for autogenerate."""

from xueji_photo.cards import tables as _cards  # noqa: F401
from xueji_photo.graduation_lists import tables as _lists  # noqa: F401
from xueji_photo.parents import tables as _parents  # noqa: F401
from xueji_photo.province_rules import tables as _rules  # noqa: F401
from xueji_photo.roster import tables as _roster  # noqa: F401
from xueji_photo.schema import metadata
from xueji_photo.schools import tables as _schools  # noqa: F401
from xueji_photo.sessions import tables as _sessions  # noqa: F401
from xueji_photo.signing_in import tables as _signing_in  # noqa: F401
from xueji_photo.uploads import tables as _uploads  # noqa: F401
from xueji_photo.windows import tables as _windows  # noqa: F401

__all__ = ["metadata"]
