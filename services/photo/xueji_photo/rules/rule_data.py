"""Reading stored rule data strictly: exact keys, exact JSON types, finite numbers.

Stored rules come back from the database as JSON; a key renamed by hand or a number stored
as text must stop the rule from loading rather than be guessed at.
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any, TypeVar

from xueji_photo.rules.rule_parts import InvalidPhotoRule

Part = TypeVar("Part")
Value = TypeVar("Value", int, float, str)


def read_value(data: dict[str, Any], key: str, kind: type[Value], within: str = "") -> Value:
    """`data[key]` as `kind`: an int is a float too; a bool is neither (JSON keeps them apart)."""
    value = data[key]
    key = f"{within}.{key}" if within else key
    if isinstance(value, bool):
        raise InvalidPhotoRule(f"{key} must be {kind.__name__}, not a boolean")
    if kind is float and isinstance(value, int):
        return float(value)  # type: ignore[return-value]
    if not isinstance(value, kind):
        raise InvalidPhotoRule(f"{key} must be {kind.__name__}, not {type(value).__name__}")
    if isinstance(value, float) and not math.isfinite(value):
        raise InvalidPhotoRule(f"{key} must be a finite number")
    return value


def read_part(cls: type[Part], data: object, name: str, *, optional: bool = False) -> Part | None:
    """One nested part (a size, the background, the face bounds) from its object."""
    if data is None and optional:
        return None
    if not isinstance(data, dict):
        raise InvalidPhotoRule(f"{name} must be an object")
    expected = {f.name: f.type for f in fields(cls)}  # type: ignore[arg-type]
    if set(data) != set(expected):
        missing, unknown = sorted(set(expected) - set(data)), sorted(set(data) - set(expected))
        raise InvalidPhotoRule(f"{name} keys: missing {missing}, unknown {unknown}")
    kinds = {"int": int, "float": float}
    values = {
        key: read_value(data, key, kinds[str(annotation)], name)
        for key, annotation in expected.items()
    }
    return cls(**values)
