"""Who may have a download link, and when (pure).

数据导出使用管理规则: the file goes to the named handler (经办人) only, and only within the
period of use; once the period ends the file is deleted. Each rule has its own code, so the
handler's page can say exactly why there is no link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from xueji_common.errors import ErrorCode
from xueji_export import error_codes
from xueji_export.applications.states import ApplicationState

# Before ready nothing is generated yet; refused applications never get a file.
_NOT_YET = frozenset(
    {
        ApplicationState.SUBMITTED,
        ApplicationState.IN_REVIEW,
        ApplicationState.APPROVED,
        ApplicationState.GENERATING,
        ApplicationState.REFUSED,
    }
)


@dataclass(frozen=True)
class FileOnRecord:
    generation_id: str
    object_key: str
    file_name: str
    watermark: str
    file_format: str
    deleted: bool


@dataclass(frozen=True)
class ApplicationDownload:
    state: ApplicationState
    handler_account_id: str
    use_from: date
    use_until: date
    file: FileOnRecord | None


def application_refusal(
    download: ApplicationDownload, caller_account_id: str, today: date
) -> ErrorCode | None:
    """The first rule the caller fails (None: a link may be issued). `today` in Beijing time."""
    if caller_account_id != download.handler_account_id:
        return error_codes.EXPORT_DOWNLOAD_NOT_HANDLER
    if not download.use_from <= today <= download.use_until:
        return error_codes.EXPORT_DOWNLOAD_OUTSIDE_PERIOD
    if download.state is ApplicationState.EXPIRED:
        return error_codes.EXPORT_FILE_DELETED
    if download.state in _NOT_YET or download.file is None:
        return error_codes.EXPORT_FILE_NOT_READY
    if download.file.deleted:
        return error_codes.EXPORT_FILE_DELETED
    return None


@dataclass(frozen=True)
class ReportDownload:
    requester_account_id: str
    available_until: datetime


def report_refusal(
    download: ReportDownload, caller_account_id: str, now: datetime
) -> ErrorCode | None:
    if caller_account_id != download.requester_account_id:
        return error_codes.EXPORT_DOWNLOAD_NOT_REQUESTER
    if now > download.available_until:
        return error_codes.EXPORT_DOWNLOAD_OUTSIDE_PERIOD
    return None
