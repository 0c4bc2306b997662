"""Refusals that come before any row is read: who may import where, and what was sent."""

from __future__ import annotations

import hashlib
import uuid
from typing import BinaryIO

from sqlalchemy.ext.asyncio import AsyncSession

from xueji_common import errors
from xueji_common.auth.principal import Principal, Role
from xueji_common.errors import DomainError
from xueji_registry import error_codes
from xueji_registry.classes.lookup import school_classes
from xueji_registry.imports.headers import HeaderProblems
from xueji_registry.imports.sheet_chunks import SheetRefused
from xueji_registry.pupils.state import ClassRef

_HASH_BLOCK = 1 << 20


async def classes_for_import(
    session: AsyncSession, actor: Principal, school_code: str, class_code: str | None
) -> tuple[dict[str, ClassRef], ClassRef | None]:
    """The school's classes by code, and the class the upload is for (a teacher's own)."""
    classes = {ref.code: ref for ref in (await school_classes(session, school_code)).values()}
    if class_code is None:
        if actor.role is Role.CLASS_TEACHER:
            raise DomainError(error_codes.IMPORT_CLASS_REQUIRED, field="class_code")
        return classes, None
    chosen = classes.get(class_code)
    if chosen is None:
        raise DomainError(errors.NOT_FOUND, field="class_code", detail=class_code)
    if actor.role is Role.CLASS_TEACHER and chosen.teacher_account_id != _account(actor):
        raise DomainError(errors.FORBIDDEN, field="class_code", detail="只能导入本班学生")
    return classes, chosen


def _account(actor: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(actor.account_id)
    except ValueError:
        return None


def check_size(size: int, limit: int) -> None:
    if size == 0:
        raise DomainError(error_codes.IMPORT_FILE_EMPTY, field="file")
    if size > limit:
        detail = f"文件大小{size / 1048576:.1f} MB，上限{limit / 1048576:.0f} MB"
        raise DomainError(error_codes.IMPORT_FILE_TOO_LARGE, field="file", detail=detail)


def sha256_of(file: BinaryIO) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    while block := file.read(_HASH_BLOCK):
        digest.update(block)
    file.seek(0)
    return digest.hexdigest()


def header_error(problems: HeaderProblems) -> DomainError:
    parts = []
    if problems.missing:
        parts.append("缺少列：" + "、".join(problems.missing))
    if problems.unknown:
        parts.append("无法识别的列：" + "、".join(problems.unknown))
    if problems.duplicated:
        parts.append("重复的列：" + "、".join(problems.duplicated))
    return DomainError(
        error_codes.IMPORT_HEADERS_INVALID,
        field="file",
        detail="；".join(parts),
        extra={
            "missing": list(problems.missing),
            "unknown": list(problems.unknown),
            "duplicated": list(problems.duplicated),
        },
    )


def sheet_error(refused: SheetRefused, max_rows: int) -> DomainError:
    if refused.kind == "rows":
        detail = f"单个文件最多{max_rows}行学生数据，{refused.detail}"
        return DomainError(error_codes.IMPORT_TOO_MANY_ROWS, field="file", detail=detail)
    if refused.kind == "columns":
        detail = f"单元格{refused.detail}超出模板列范围"
        return DomainError(error_codes.IMPORT_TOO_MANY_COLUMNS, field="file", detail=detail)
    return DomainError(error_codes.IMPORT_FILE_MALFORMED, field="file", detail=refused.detail)
