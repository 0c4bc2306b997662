"""Reading a generated export file back: its data sheet, hidden trace sheet and properties."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from python_calamine import CalamineWorkbook

from xueji_export.files.properties import ROWS_PROPERTY
from xueji_export.files.workbook import DATA_SHEET, TRACE_SHEET

_CORE = "{http://purl.org/dc/elements/1.1/}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


@dataclass(frozen=True)
class ReadBack:
    banner: str
    labels: list[str]
    rows: list[tuple[object, ...]]
    trace: dict[str, str]
    creator: str
    custom: dict[str, str]


def _cell(value: object) -> object:
    # calamine reads every number as a float; the files write integers only.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_back(path: Path) -> ReadBack:
    workbook = CalamineWorkbook.from_path(str(path))
    assert workbook.sheet_names == [DATA_SHEET, TRACE_SHEET]
    banner_row, labels, *data = workbook.get_sheet_by_name(DATA_SHEET).to_python()
    trace_rows = workbook.get_sheet_by_name(TRACE_SHEET).to_python()[1:]
    width = len([label for label in labels if label != ""])
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        core = ElementTree.fromstring(package.read("docProps/core.xml"))
        custom = ElementTree.fromstring(package.read("docProps/custom.xml"))
    properties = {p.get("name", ""): p[0].text or "" for p in custom.iter(f"{_CUSTOM}property")}
    rows = [tuple(_cell(v) for v in row[:width]) for row in data]
    # A pupil with nothing in the approved fields is an empty row; trailing ones leave no
    # trace in the sheet, the row count in the properties says how many there are.
    rows += [("",) * width] * (int(properties[ROWS_PROPERTY]) - len(rows))
    return ReadBack(
        banner=str(banner_row[0]),
        labels=list(labels[:width]),
        rows=rows,
        trace={str(name): str(value) for name, value in trace_rows},
        creator=core.findtext(f"{_CORE}creator") or "",
        custom=properties,
    )


@dataclass(frozen=True)
class CsvReadBack:
    banner: str
    trace: str
    labels: list[str]
    rows: list[tuple[str, ...]]


def read_back_csv(path: Path) -> CsvReadBack:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "Excel needs the UTF-8 BOM to read Chinese"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        banner, trace, labels, *rows = list(csv.reader(stream))
    return CsvReadBack(banner[0], trace[0], labels, [tuple(row) for row in rows])
