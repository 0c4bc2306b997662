from datetime import UTC, datetime

import pytest

from xueji_common.calendar import SHANGHAI, month_deadline


@pytest.mark.parametrize(
    ("activated", "due"),
    [
        (datetime(2026, 3, 15, 9, 0, tzinfo=SHANGHAI), datetime(2026, 4, 15, 23, 59, 59)),
        (datetime(2026, 1, 31, 9, 0, tzinfo=SHANGHAI), datetime(2026, 2, 28, 23, 59, 59)),
        (datetime(2028, 1, 31, 9, 0, tzinfo=SHANGHAI), datetime(2028, 2, 29, 23, 59, 59)),
        (datetime(2026, 12, 10, 9, 0, tzinfo=SHANGHAI), datetime(2027, 1, 10, 23, 59, 59)),
        (datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI), datetime(2026, 12, 30, 23, 59, 59)),
        # 16:30 UTC on 08-31 is 00:30 on 09-01 in Shanghai.
        (datetime(2026, 8, 31, 16, 30, tzinfo=UTC), datetime(2026, 10, 1, 23, 59, 59)),
    ],
)
def test_same_day_next_month_clamped(activated: datetime, due: datetime) -> None:
    deadline = month_deadline(activated)

    assert deadline.due_at == due.replace(tzinfo=SHANGHAI)
    assert deadline.due_at.utcoffset().total_seconds() == 8 * 3600
    assert deadline.provisional is False
