"""Every refusal the photo checks can give: a stable English code and its Chinese template.

The codes are part of the platform's contract (upload answers, the attempt log, the pages):
never rename or reuse one; add new ones instead. Each template names the measured value and
the rule's value, so a parent can see what to change, e.g. "宽度 300 像素，应为 272 像素".
"""

from __future__ import annotations

from dataclasses import dataclass

from xueji_photo.checks.verdict import Refusal


@dataclass(frozen=True)
class RefusalCode:
    code: str
    template: str

    def refusal(self, **values: object) -> Refusal:
        return Refusal(self.code, self.template.format(**values))


FORMAT_UNRECOGNISED = RefusalCode(
    "PHOTO_FORMAT_UNRECOGNISED", "文件内容不是可识别的图片（开头为 {head}），应为 {allowed} 照片"
)
FORMAT_NOT_ALLOWED = RefusalCode("PHOTO_FORMAT_NOT_ALLOWED", "文件格式为 {found}，应为 {allowed}")
CORRUPT = RefusalCode("PHOTO_CORRUPT", "{format} 文件已损坏（{byte_size} 字节），无法读取图片")
TRUNCATED = RefusalCode(
    "PHOTO_TRUNCATED", "{format} 文件不完整（只有 {byte_size} 字节），可能上传中断，请重新上传"
)
DIMENSIONS_TOO_LARGE = RefusalCode(
    "PHOTO_DIMENSIONS_TOO_LARGE",
    "图片声明的尺寸为 {width}×{height} 像素，共 {pixels} 像素，超过上限 {max_pixels} 像素",
)
TOO_MANY_BYTES = RefusalCode(
    "PHOTO_TOO_MANY_BYTES", "文件大小 {size_kb} KB（{byte_size} 字节），应不超过 {max_kb} KB"
)
WIDTH_WRONG = RefusalCode("PHOTO_WIDTH_WRONG", "宽度 {width} 像素，应为 {expected} 像素")
HEIGHT_WRONG = RefusalCode("PHOTO_HEIGHT_WRONG", "高度 {height} 像素，应为 {expected} 像素")
_PRINTED = (
    " {pixels} 像素按 {dpi} DPI 合 {measured_mm} 毫米，应为 {expected_mm} 毫米"
    "（误差不超过 {tolerance_mm} 毫米，即 {expected_pixels} 像素左右）"
)
PRINT_WIDTH_WRONG = RefusalCode("PHOTO_PRINT_WIDTH_WRONG", "宽度" + _PRINTED)
PRINT_HEIGHT_WRONG = RefusalCode("PHOTO_PRINT_HEIGHT_WRONG", "高度" + _PRINTED)
DPI_MISSING = RefusalCode(
    "PHOTO_DPI_MISSING", "文件没有记录分辨率（DPI），应记录且不低于 {min_dpi} DPI"
)
DPI_TOO_LOW = RefusalCode("PHOTO_DPI_TOO_LOW", "分辨率 {dpi} DPI，应不低于 {min_dpi} DPI")
CMYK = RefusalCode("PHOTO_CMYK", "颜色模式为 CMYK（印刷用），应为 RGB 彩色照片")
GREYSCALE = RefusalCode("PHOTO_GREYSCALE", "照片为黑白（{found}），应为彩色照片")
BACKGROUND_NOT_LIGHT_BLUE = RefusalCode(
    "PHOTO_BACKGROUND_NOT_LIGHT_BLUE",
    "背景中浅蓝色只占 {fraction}%（背景平均颜色 RGB({red},{green},{blue})），"
    "应为淡蓝色背景且至少占 {min_fraction}%",
)
NO_FACE = RefusalCode("PHOTO_NO_FACE", "检测到 0 张正面人脸，应为本人正面免冠照片（1 张人脸）")
MULTIPLE_FACES = RefusalCode("PHOTO_MULTIPLE_FACES", "检测到 {count} 张正面人脸，应只有 1 张")
_FACE_HEIGHT = "人脸高度占照片高度的 {ratio}%，应在 {min}%–{max}% 之间"
FACE_TOO_SMALL = RefusalCode("PHOTO_FACE_TOO_SMALL", _FACE_HEIGHT)
FACE_TOO_LARGE = RefusalCode("PHOTO_FACE_TOO_LARGE", _FACE_HEIGHT)
FACE_OFF_CENTRE = RefusalCode(
    "PHOTO_FACE_OFF_CENTRE",
    "人脸中心位于照片水平 {x}%、垂直 {y}% 处，"
    "应在水平 {x_min}%–{x_max}%、垂直 {y_min}%–{y_max}% 范围内",
)
BLURRED = RefusalCode(
    "PHOTO_BLURRED", "照片清晰度为 {sharpness}（拉普拉斯方差），应不低于 {min_sharpness}"
)

ALL_CODES: tuple[RefusalCode, ...] = tuple(
    value for value in globals().values() if isinstance(value, RefusalCode)
)
