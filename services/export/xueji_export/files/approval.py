"""What an approved export allows into its file: the exact fields, the exact scope, who and when.

Pure. The generation is built from this and nothing else, so a file can only ever hold what
the approver saw (数据导出使用管理规则 第十条: 严禁导出与申请用途无关的字段).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from xueji_common.calendar.working_days import SHANGHAI
from xueji_export import catalogue
from xueji_export.catalogue import CatalogueField

# Characters kept in a file name: CJK, ASCII letters and digits, '-' and '_'.
_UNSAFE_NAME = re.compile(r"[^0-9A-Za-z\u3400-\u9fff_-]+")
_MAX_NAME_CHARS = 120


class NotExportable(ValueError):
    """The approval names a field outside the catalogue or an empty or malformed scope."""


@dataclass(frozen=True, slots=True)
class ApprovedExport:
    application_number: str
    # The handler (经办人) named in the application; the file says who exported it.
    handler: str
    generated_at: datetime
    # A fresh id per generated file: the watermark ties a copy to this generation.
    generation_id: str
    # The applicant's unit name, for the file name.
    unit_name: str
    fields: tuple[CatalogueField, ...]
    # Unit-path prefixes of the scope, each like "/CN/31/3101/310118/".
    unit_paths: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(f.label for f in self.fields)

    def file_name(self, extension: str = "xlsx") -> str:
        stem = _UNSAFE_NAME.sub("_", f"{self.application_number}_{self.unit_name}").strip("_")
        return f"{stem[:_MAX_NAME_CHARS]}.{extension}"

    def generated_at_text(self) -> str:
        return self.generated_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S 北京时间")

    def in_scope(self, unit_path: str) -> bool:
        return unit_path.startswith(self.unit_paths)


def approved_export(
    *,
    application_number: str,
    handler: str,
    generated_at: datetime,
    generation_id: str,
    unit_name: str,
    field_keys: Sequence[str],
    unit_paths: Sequence[str],
) -> ApprovedExport:
    """The approval as the generation uses it; refuses anything the catalogue cannot export.

    Fields are put in the catalogue's order whatever order the application listed them in.
    """
    unknown = [k for k in field_keys if catalogue.field(k) is None]
    if unknown:
        raise NotExportable(f"fields outside the catalogue: {', '.join(sorted(set(unknown)))}")
    if not field_keys:
        raise NotExportable("no fields approved")
    if generated_at.tzinfo is None:
        raise NotExportable("generation time must be timezone-aware")
    ordered = (catalogue.field(key) for key in catalogue.in_catalogue_order(field_keys))
    fields = tuple(entry for entry in ordered if entry is not None)
    return ApprovedExport(
        application_number=application_number,
        handler=handler,
        generated_at=generated_at,
        generation_id=generation_id,
        unit_name=unit_name,
        fields=fields,
        unit_paths=_scope(unit_paths),
    )


def _scope(unit_paths: Sequence[str]) -> tuple[str, ...]:
    if not unit_paths:
        raise NotExportable("no scope approved")
    prefixes = []
    for path in unit_paths:
        if not path.startswith("/") or "//" in path or path.strip("/") == "":
            raise NotExportable(f"malformed unit path {path!r}")
        # The trailing slash keeps /CN/31/3101/ from matching /CN/31/31010/.
        prefixes.append(path if path.endswith("/") else f"{path}/")
    return tuple(sorted(set(prefixes)))
