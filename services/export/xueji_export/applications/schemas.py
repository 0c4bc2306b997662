"""Request and response bodies of export applications."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from xueji_export.applications.rules import ExportMethod
from xueji_export.applications.states import ApplicationState
from xueji_export.files.formats import FileFormat


class FieldItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: str = Field(min_length=1, max_length=64, description="catalogue key")
    reason: str = Field(default="", max_length=500, description="required for sensitive fields")


class ApplicationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    purpose: str = Field(min_length=1, max_length=1000)
    scope: list[str] = Field(min_length=1, max_length=200, description="org unit codes")
    method: ExportMethod
    fields: list[FieldItem] = Field(min_length=1, max_length=100)
    use_from: date
    use_until: date
    security_officer: str = Field(min_length=1, max_length=50, description="安全负责人")
    handler_account_id: str = Field(min_length=1, max_length=64, description="经办人")
    security_plan_document_id: str = Field(min_length=1, max_length=64)
    consent_document_id: str | None = Field(default=None, max_length=64)
    file_format: FileFormat = Field(default=FileFormat.XLSX, description="xlsx 或 csv")


class ApplicationRead(BaseModel):
    id: str
    number: str
    state: ApplicationState
    applicant_unit: str
    applicant_name: str
    purpose: str
    scope: list[str]
    method: ExportMethod
    fields: list[FieldItem]
    use_from: date
    use_until: date
    security_officer: str
    handler_account_id: str
    handler_name: str
    security_plan_document_id: str
    consent_document_id: str | None
    file_format: FileFormat
    created_at: datetime
    # The approval's standing and the file's progress (approval/).
    current_step: str | None = Field(None, description="approval | execution | generation")
    current_party_unit: str | None = None
    current_deadline: datetime | None = None
    overdue: bool = False
    escalated_to: str | None = Field(None, description="the supervising authority (督办)")
    rows_written: int = Field(0, description="rows of the file written so far / in the file")
