"""The refusal catalogue: one stable code per check, each template filled from measurements."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import xueji_photo.checks as checks
from xueji_photo.checks.refusal_codes import ALL_CODES


def test_codes_are_unique_and_named_for_the_photo_service() -> None:
    names = [code.code for code in ALL_CODES]
    assert len(names) == len(set(names)) >= 20
    assert all(name.startswith("PHOTO_") and name.isupper() for name in names)


def test_templates_are_chinese_and_take_only_named_values() -> None:
    for code in ALL_CODES:
        fields = [f for _, f, _, _ in string.Formatter().parse(code.template) if f is not None]
        assert all(f.isidentifier() for f in fields), code.code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in code.template), code.code


def test_the_checks_touch_no_infrastructure() -> None:
    # Pure rules apart from I/O: the service's adapters read and store uploads, not the
    # checks (the one file they read is the face model inside the OpenCV wheel).
    forbidden = {"os", "socket", "subprocess", "pathlib", "sqlalchemy", "minio", "httpx"}
    for path in Path(checks.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert not roots & forbidden, f"{path.name} imports {roots & forbidden}"
