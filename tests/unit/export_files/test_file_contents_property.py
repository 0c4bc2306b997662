"""A file, xlsx or CSV, never holds a field or a pupil outside its approval, and holds every
pupil in scope.

Property-based over random approvals (field subsets, scopes at any level of the tree) and
random read models (pupils in random schools, random values, empty ones included). The
row source hands over whole read-model rows, every column, as a faulty query might: only
the scope filter of the query is applied, the columns are left to the writer.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.export_files.memory_source import scoped_rows, write
from tests.unit.export_files.readback import read_back, read_back_csv
from xueji_export import catalogue
from xueji_export.catalogue import CatalogueField, ValueType
from xueji_export.files.approval import ApprovedExport, approved_export
from xueji_export.files.formats import FileFormat

SCHOOLS = tuple(
    f"/CN/31/{city}/{county}/{county}{n:04d}/"
    for city, county in (("3101", "310101"), ("3101", "310104"), ("3102", "310230"))
    for n in range(1, 3)
)
# Every level of the tree, so scopes cover provinces, cities, counties and single schools.
UNITS = sorted({school.rsplit("/", i)[0] + "/" for school in SCHOOLS for i in range(2, 6)})
TEXT = st.text(alphabet="学籍张李王0123456789ABX-（）", max_size=8)


def _value(entry: CatalogueField) -> st.SearchStrategy[Any]:
    by_type: dict[ValueType, st.SearchStrategy[Any]] = {
        ValueType.TEXT: TEXT,
        ValueType.CODE: st.sampled_from(sorted(entry.code_labels)),
        ValueType.DATE: st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 12, 31)),
        ValueType.INTEGER: st.integers(min_value=0, max_value=3000),
        ValueType.BOOLEAN: st.booleans(),
    }
    return st.none() | by_type[entry.value_type]


PUPIL = st.fixed_dictionaries(
    {"unit_path": st.sampled_from(SCHOOLS), **{f.key: _value(f) for f in catalogue.FIELDS}}
)
APPROVAL = st.fixed_dictionaries(
    {
        "field_keys": st.lists(st.sampled_from(catalogue.KEYS), min_size=1, unique=True),
        "unit_paths": st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True),
    }
)


def _shown(entry: CatalogueField, value: Any) -> object:
    """What a reader of the file sees for `value`, worked out apart from the writer's code."""
    if value is None:
        return ""
    if entry.value_type is ValueType.CODE:
        return entry.code_labels[value]
    if entry.value_type is ValueType.BOOLEAN:
        return "是" if value else "否"
    if entry.value_type is ValueType.DATE:
        return value.isoformat()
    return value


def _shown_in_csv(entry: CatalogueField, value: Any) -> str:
    """The same as text, with the two Excel guards: a formula-like start gets an apostrophe,
    a long digit string a leading tab."""
    shown = _shown(entry, value)
    if not isinstance(shown, str):
        return str(shown)
    if shown[:1] in ("=", "+", "-", "@"):
        return "'" + shown
    if len(shown) >= 12 and shown.isdigit():
        return "\t" + shown
    return shown


def _approval(field_keys: list[str], unit_paths: list[str]) -> ApprovedExport:
    return approved_export(
        application_number="DC-2026-0001",
        handler="王经办",
        generated_at=datetime(2026, 12, 3, 4, 5, 6, tzinfo=UTC),
        generation_id="gen-1",
        unit_name="上海市教育委员会",
        field_keys=field_keys,
        unit_paths=unit_paths,
    )


_READERS = {FileFormat.XLSX: read_back, FileFormat.CSV: read_back_csv}
_SHOWN = {FileFormat.XLSX: _shown, FileFormat.CSV: _shown_in_csv}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    approval=APPROVAL,
    pupils=st.lists(PUPIL, max_size=30),
    batch=st.integers(min_value=1, max_value=7),
    file_format=st.sampled_from(FileFormat),
)
def test_file_holds_exactly_the_approved_fields_and_pupils(
    approval: dict[str, list[str]],
    pupils: list[dict[str, Any]],
    batch: int,
    file_format: FileFormat,
) -> None:
    export = _approval(approval["field_keys"], approval["unit_paths"])
    with tempfile.TemporaryDirectory() as work:
        source = scoped_rows(pupils, approval["unit_paths"], batch)
        file = _READERS[file_format](write(export, source, Path(work), file_format))
    approved = [f for f in catalogue.FIELDS if f.key in approval["field_keys"]]
    assert file.labels == [f.label for f in approved]
    assert file.banner.startswith("申请编号：DC-2026-0001　经办人：王经办")
    in_scope = [
        p for p in pupils if any(p["unit_path"].startswith(unit) for unit in approval["unit_paths"])
    ]
    shown = _SHOWN[file_format]
    expected = Counter(tuple(shown(f, p[f.key]) for f in approved) for p in in_scope)
    assert Counter(file.rows) == expected
