"""Evidence document metadata as the API shows it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel

Purpose = Literal["correction", "proof", "j_number", "status_change", "transfer", "other"]


class EvidenceRead(BaseModel):
    id: uuid.UUID
    pupil_id: uuid.UUID | None
    unit_code: str
    purpose: str
    filename: str
    content_type: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_by_name: str
    uploaded_at: datetime

    @classmethod
    def of(cls, row: object) -> EvidenceRead:
        return cls(**{name: getattr(row, name) for name in cls.model_fields})
