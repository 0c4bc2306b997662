"""The photo service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

import os

from pydantic import Field

from xueji_common.settings import S3Settings, ServiceSettings

MIB = 1024 * 1024


class PhotoSettings(ServiceSettings, S3Settings):
    http_port: int = 8003
    # The largest photo file the upload route reads; the rule's own byte limit is far lower,
    # this only bounds what the checks have to look at (a bomb is refused by the checks).
    photo_max_file_bytes: int = Field(default=5 * MIB, gt=0)
    # Processes running the photo checks beside the event loop; 0 runs them in a thread.
    photo_check_workers: int = Field(default=min(2, os.cpu_count() or 1), ge=0)
    # Provinces whose primary school has five grades (五四制, e.g. Shanghai): their graduating
    # primary grade is 5, everywhere else 6. Comma separated GB/T 2260 codes.
    photo_five_year_primary_provinces: str = "31"

    @property
    def five_year_primary_provinces(self) -> frozenset[str]:
        codes = self.photo_five_year_primary_provinces.split(",")
        return frozenset(code.strip() for code in codes if code.strip())
