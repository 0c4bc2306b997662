"""Transfer ids carry the pupil's number, so ops find the workflow from the id alone.

The workflow id is `transfer-<pupil number>` (one open transfer per pupil); the transfer id
adds a random suffix because a pupil may transfer again later: `TR-<pupil number>-<8 hex>`.
"""

from __future__ import annotations

import re
import secrets

from xueji_workflows.transfer import transfer_workflow_id

_TRANSFER_ID = re.compile(r"TR-(?P<pupil>[0-9A-Za-z]{1,40})-(?P<suffix>[0-9a-f]{8})")


def new_transfer_id(national_number: str) -> str:
    return f"TR-{national_number}-{secrets.token_hex(4)}"


def pupil_number_of(transfer_id: str) -> str | None:
    """The pupil number inside a transfer id; None if it is not one of ours."""
    match = _TRANSFER_ID.fullmatch(transfer_id)
    return match.group("pupil") if match else None


def workflow_id_of(transfer_id: str) -> str | None:
    pupil = pupil_number_of(transfer_id)
    return transfer_workflow_id(pupil) if pupil else None
