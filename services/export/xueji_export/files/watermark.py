"""The per-file watermark (文件水印): a keyed hash that ties a copy to the generation it came from.

HMAC-SHA256 under the service's watermark key of the application number and the generation
id. Each generation has a fresh id and the audit records which generation each download
served, so a leaked copy's watermark names its application, its generation and through the
audit the handler who downloaded it. Without the key nobody can forge a watermark for
another application or strip one and stamp a plausible replacement.
"""

from __future__ import annotations

import hmac
from hashlib import sha256

# Versioned and field-separated so a future scheme cannot collide with this one.
_DOMAIN = "xueji-export-watermark-v1"
_SEPARATOR = "\x1f"


def watermark(service_key: bytes, application_number: str, generation_id: str) -> str:
    """The hex watermark of one generated file."""
    message = _SEPARATOR.join((_DOMAIN, application_number, generation_id)).encode()
    return hmac.new(service_key, message, sha256).hexdigest()


def is_genuine(
    service_key: bytes, application_number: str, generation_id: str, mark: str
) -> bool:
    """Whether `mark` is the watermark this service gave that application's generation."""
    return hmac.compare_digest(watermark(service_key, application_number, generation_id), mark)
