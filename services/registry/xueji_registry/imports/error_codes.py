"""Every refusal of a whole import file: stable code, HTTP status, Chinese message.

Row-level problems are not refusals; they are reasons in the import report.
"""

from __future__ import annotations

from xueji_common.errors import ErrorCode

FILE_TOO_LARGE = ErrorCode("IMPORT_FILE_TOO_LARGE", 413, "上传的文件超过大小上限")
FILE_EMPTY = ErrorCode("IMPORT_FILE_EMPTY", 422, "上传的文件是空的")
FILE_NOT_XLSX = ErrorCode(
    "IMPORT_FILE_NOT_XLSX", 415, "文件不是.xlsx格式的Excel工作簿，请使用导入模板另存为.xlsx后上传"
)
FILE_ENCRYPTED = ErrorCode(
    "IMPORT_FILE_ENCRYPTED",
    415,
    "文件设置了密码或是旧版.xls格式，请取消密码并另存为.xlsx后上传",
)
FILE_MALFORMED = ErrorCode("IMPORT_FILE_MALFORMED", 422, "文件已损坏，无法读取")
SHEET_MISSING = ErrorCode("IMPORT_SHEET_MISSING", 422, "工作簿中没有可导入的工作表")
TOO_MANY_ROWS = ErrorCode("IMPORT_TOO_MANY_ROWS", 413, "文件行数超过单次导入上限")
TOO_MANY_COLUMNS = ErrorCode("IMPORT_TOO_MANY_COLUMNS", 422, "模板列以外的单元格有内容")
HEADERS_INVALID = ErrorCode("IMPORT_HEADERS_INVALID", 422, "表头与导入模板不一致")
NO_ROWS = ErrorCode("IMPORT_NO_ROWS", 422, "文件中没有学生数据")
CLASS_REQUIRED = ErrorCode(
    "IMPORT_CLASS_REQUIRED", 422, "班主任只能导入本班学生，请选择本班后再导入"
)
IMPORT_BUSY = ErrorCode("IMPORT_BUSY", 409, "本校正在进行另一次导入，请稍后再试")
