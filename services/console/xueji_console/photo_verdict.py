"""An upload from a page, sent on to the photo API, and what the verdict page shows of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import UploadFile

from xueji_console.clients.calls import FieldProblem, ServiceProblem
from xueji_console.clients.photo import PhotoClient


@dataclass
class Verdict:
    """Accepted (with the photo), refused (each reason), or not checked (the problem)."""

    photo: dict[str, Any] | None = None
    problem: ServiceProblem | None = None
    refusals: list[FieldProblem] = field(default_factory=list)

    @property
    def status(self) -> int:
        return self.problem.status if self.problem else 201


async def send_upload(
    photo: PhotoClient, token: str, national_number: str, file: UploadFile | None
) -> Verdict:
    # The console's request body limit already bounds the file; the photo API checks the rest.
    data = await file.read() if file is not None else b""
    name = (file.filename if file is not None else "") or "photo"
    media = (file.content_type if file is not None else "") or "application/octet-stream"
    try:
        accepted = await photo.upload(token, national_number, name, data, media)
    except ServiceProblem as problem:
        if problem.status == 401:
            raise
        return Verdict(problem=problem, refusals=problem.refusals)
    return Verdict(photo=accepted)
