"""How long audit records are kept, and which may go (pure).

数据导出使用管理规则 and the PIPL's logging duty: export audit records are kept at least six
months; a province may keep them longer. Only a prefix of a chain is ever removed (the
oldest records, up to the first one still young enough to keep), so what remains is a
contiguous chain that verifies from an anchor: the hash of the last removed record.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from xueji_common.calendar.working_days import SHANGHAI
from xueji_common.errors import DomainError
from xueji_export import error_codes

MINIMUM_RETENTION_MONTHS = 6
LONGEST_RETENTION_MONTHS = 1200


@dataclass(frozen=True)
class RecordAge:
    sequence: int
    occurred_at: datetime


def check_retention_months(months: int) -> int:
    """`months`, or EXPORT_RETENTION_TOO_SHORT below the six-month minimum."""
    if months < MINIMUM_RETENTION_MONTHS:
        raise DomainError(
            error_codes.EXPORT_RETENTION_TOO_SHORT,
            field="audit_retention_months",
            detail=f"{months} < {MINIMUM_RETENTION_MONTHS}",
        )
    return months


def cutoff(now: datetime, months: int) -> datetime:
    """The moment `months` calendar months before `now` (Beijing calendar; the 31st falls back
    to the month's last day). A setting below the minimum counts as the minimum, so no stored
    value can shorten what the rules demand."""
    months = max(months, MINIMUM_RETENTION_MONTHS)
    local = now.astimezone(SHANGHAI)
    index = local.year * 12 + local.month - 1 - months
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return local.replace(year=year, month=month + 1, day=day)


def removable_through(records: Sequence[RecordAge], before: datetime) -> int:
    """The highest sequence such that it and every record before it in `records` (the chain's
    oldest records, in sequence order) occurred before `before`; 0 when the first is younger.

    A record stamped older than a predecessor that must stay (a clock step back) stays too."""
    through = 0
    for record in records:
        if record.occurred_at >= before:
            break
        through = record.sequence
    return through
