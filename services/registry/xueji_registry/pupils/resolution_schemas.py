"""Bodies of the requests that settle problem data: proof (佐证) and J numbers."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field


class ProofAccept(BaseModel):
    """Proof (佐证) that data flagged by a check is right as recorded."""

    model_config = ConfigDict(extra="forbid")
    reason_codes: list[str] = Field(min_length=1, max_length=10)
    evidence_document_ids: list[uuid.UUID] = Field(min_length=1, max_length=10)


class JNumberIssue(BaseModel):
    """The bureau's written proof for a pupil without a usable ID number."""

    model_config = ConfigDict(extra="forbid")
    evidence_document_id: uuid.UUID
