"""Which collection window applies to a pupil and whether today lies in it (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from xueji_common.errors import DomainError
from xueji_photo import error_codes

CHINA = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Window:
    unit_code: str
    scope_path: str
    cohort: str
    opens_on: date
    closes_on: date

    def contains(self, day: date) -> bool:
        return self.opens_on <= day <= self.closes_on

    @property
    def dates_text(self) -> str:
        return f"{_chinese(self.opens_on)}至{_chinese(self.closes_on)}"


def _chinese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def china_today() -> date:
    return datetime.now(CHINA).date()


def nearest_window(windows: Iterable[Window], pupil_scope: str, cohort: str) -> Window | None:
    """The cohort's window set by the nearest unit up the pupil's organisation path."""
    applying = [w for w in windows if w.cohort == cohort and pupil_scope.startswith(w.scope_path)]
    return max(applying, key=lambda w: len(w.scope_path), default=None)


def check_window(window: Window | None, today: date) -> None:
    """Refuses an upload outside the window, naming its dates."""
    if window is None:
        raise DomainError(error_codes.PHOTO_WINDOW_NOT_SET)
    if not window.contains(today):
        raise DomainError(
            error_codes.PHOTO_OUTSIDE_WINDOW,
            detail=f"采集时间为{window.dates_text}",
            extra={
                "opens_on": window.opens_on.isoformat(),
                "closes_on": window.closes_on.isoformat(),
            },
        )
