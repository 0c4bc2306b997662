"""The transfer service's settings, read once in the composition root (env prefix XUEJI_)."""

from __future__ import annotations

from xueji_common.settings import S3Settings, ServiceSettings, TemporalSettings
from xueji_workflows.status_change import TASK_QUEUE as STATUS_CHANGE_TASK_QUEUE
from xueji_workflows.transfer import TASK_QUEUE


class TransferSettings(ServiceSettings, TemporalSettings, S3Settings):
    http_port: int = 8002
    # The registry's platform API, called with the transfer service's own account.
    registry_url: str = "http://127.0.0.1:8001"
    registry_username: str = "svc.transfer"
    registry_password: str
    # Provinces running their own registry systems, comma separated ("37,42"): one inbound
    # consumer each.
    docking_provinces: str = ""
    transfer_task_queue: str = TASK_QUEUE
    # The status-change workflow asks for deadlines on its own queue; the calendar stays ours.
    status_change_task_queue: str = STATUS_CHANGE_TASK_QUEUE
    evidence_bucket: str = "xueji-transfer-evidence"

    @property
    def docking_province_codes(self) -> tuple[str, ...]:
        return tuple(sorted({c.strip() for c in self.docking_provinces.split(",") if c.strip()}))
