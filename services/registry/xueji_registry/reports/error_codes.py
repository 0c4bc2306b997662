"""Refusals of the report endpoints: code, HTTP status, message."""

from __future__ import annotations

from xueji_common.errors import ErrorCode

REPORT_NOT_FOUND = ErrorCode("REPORT_NOT_FOUND", 404, "报表不存在或不在本单位管辖范围内")
SCHOOL_NOT_FOUND = ErrorCode("SCHOOL_NOT_FOUND", 404, "学校不存在或不在本单位管辖范围内")
COUNTY_NOT_FOUND = ErrorCode("COUNTY_NOT_FOUND", 404, "区县不存在或不在本单位管辖范围内")
