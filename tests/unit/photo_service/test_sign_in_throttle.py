"""The lock-out rule for failed sign-ins and the retry time its message names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from xueji_photo.signing_in.throttle import Limit, locked_error, locked_until, retry_time

NOW = datetime(2026, 12, 3, 5, 50, tzinfo=UTC)  # 13:50 in Shanghai
LIMIT = Limit(max_failures=3, within=timedelta(minutes=15), lockout=timedelta(minutes=15))


def ago(minutes: float) -> datetime:
    return NOW - timedelta(minutes=minutes)


def test_fewer_failures_than_the_limit_lock_nothing() -> None:
    assert locked_until([ago(1), ago(2)], LIMIT, NOW) is None


def test_the_limit_reached_locks_until_the_latest_failure_plus_the_lockout() -> None:
    assert locked_until([ago(5), ago(1), ago(3)], LIMIT, NOW) == ago(1) + LIMIT.lockout


def test_failures_older_than_the_window_no_longer_count() -> None:
    assert locked_until([ago(20), ago(16), ago(1), ago(2)], LIMIT, NOW) is None


def test_a_lock_ends_when_its_lockout_has_passed() -> None:
    short = Limit(3, timedelta(hours=1), timedelta(minutes=10))
    assert locked_until([ago(12), ago(11), ago(10)], short, NOW) is None
    assert locked_until([ago(12), ago(11), ago(9)], short, NOW) == ago(9) + short.lockout


def test_the_retry_time_is_the_next_whole_minute_in_china() -> None:
    assert retry_time(NOW + timedelta(minutes=15), NOW) == "14:05"
    assert retry_time(NOW + timedelta(minutes=14, seconds=1), NOW) == "14:05"


def test_a_retry_time_on_another_day_names_the_date() -> None:
    late = datetime(2026, 12, 3, 15, 55, tzinfo=UTC)  # 23:55 in Shanghai
    assert retry_time(late + timedelta(minutes=15), late) == "12月4日 00:10"


def test_the_lock_out_message_says_when_to_retry() -> None:
    error = locked_error(NOW + timedelta(minutes=15), NOW)
    assert error.error.code == "PHOTO_SIGN_IN_LOCKED" and error.error.status == 429
    assert error.message == "尝试次数过多，请于 14:05 后再试"
    assert error.extra["retry_after_seconds"] == 900
