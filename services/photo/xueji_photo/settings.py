"""The photo service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

import os
from datetime import timedelta

from pydantic import Field

from xueji_common.settings import S3Settings, ServiceSettings
from xueji_photo.signing_in.client_address import TrustedProxies
from xueji_photo.signing_in.throttle import Limit, SignInLimits

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
    # Parent and teacher sign-in (the access section of the README).
    photo_captcha_ttl_seconds: int = Field(default=300, gt=0)
    photo_session_ttl_minutes: int = Field(default=120, gt=0)
    # Failed sign-ins per 学籍副号 (or teacher username) and per client address within the
    # window before a lock-out; a wrong captcha counts as a failure.
    photo_sign_in_max_failures_per_number: int = Field(default=5, gt=0)
    photo_sign_in_max_failures_per_address: int = Field(default=20, gt=0)
    photo_sign_in_failure_window_minutes: int = Field(default=15, gt=0)
    photo_sign_in_lockout_minutes: int = Field(default=15, gt=0)
    # Proxies (addresses or networks, comma separated) whose X-Forwarded-For names the client;
    # empty: the connection's own address is the client's.
    photo_trusted_proxies: str = ""
    # The most photos one card batch takes; production runs in the request, so this bounds
    # its time (a few seconds of photo reads at 500).
    photo_card_batch_max_size: int = Field(default=500, gt=0)
    # The most pupils one graduation list holds; a larger unit produces per county or school.
    photo_graduation_list_max_pupils: int = Field(default=20_000, gt=0)

    @property
    def five_year_primary_provinces(self) -> frozenset[str]:
        codes = self.photo_five_year_primary_provinces.split(",")
        return frozenset(code.strip() for code in codes if code.strip())

    @property
    def sign_in_limits(self) -> SignInLimits:
        window = timedelta(minutes=self.photo_sign_in_failure_window_minutes)
        lockout = timedelta(minutes=self.photo_sign_in_lockout_minutes)
        return SignInLimits(
            per_number=Limit(self.photo_sign_in_max_failures_per_number, window, lockout),
            per_address=Limit(self.photo_sign_in_max_failures_per_address, window, lockout),
        )

    @property
    def trusted_proxies(self) -> TrustedProxies:
        return TrustedProxies.parse(self.photo_trusted_proxies)
