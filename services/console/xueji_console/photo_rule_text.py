"""A province's photo rule, as the lines a parent or a teacher reads before taking the photo.

The rule is the photo service's data (`GET /v1/parent-session` gives it); this only words it.
"""

from __future__ import annotations

from typing import Any

KIB = 1024


def _size_kb(max_bytes: int) -> str:
    return f"{max_bytes // KIB} KB" if max_bytes % KIB == 0 else f"{max_bytes} 字节"


def rule_lines(rule: dict[str, Any]) -> list[tuple[str, str]]:
    """(what, requirement) pairs in Chinese, in the order a photographer needs them."""
    lines = [("文件格式", "、".join(rule["formats"]) + "（按文件内容判断，不看文件名）")]
    pixels, printed = rule.get("pixel_size"), rule.get("print_size")
    if pixels:
        lines.append(("像素尺寸", f"宽 {pixels['width']} 像素 × 高 {pixels['height']} 像素"))
    if printed:
        lines.append(
            ("打印尺寸", f"宽 {printed['width_mm']:g} 毫米 × 高 {printed['height_mm']:g} 毫米")
        )
    lines += [
        ("分辨率", f"不低于 {rule['min_dpi']:g} DPI（须写在文件中）"),
        ("文件大小", f"不超过 {_size_kb(int(rule['max_bytes']))}"),
        ("颜色", "彩色照片（RGB），不接受黑白或 CMYK"),
        ("背景", "淡蓝色，均匀无杂物"),
        ("人像", "本人近期正面免冠照，只有一人，头部居中、大小适中，照片清晰"),
    ]
    return lines
