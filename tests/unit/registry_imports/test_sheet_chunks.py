"""Cutting a worksheet into chunks: whole rows, limits kept, formulas found, nothing read twice."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from xueji_registry.imports.chunk_reading import chunk_rows
from xueji_registry.imports.mini_workbook import PackageParts
from xueji_registry.imports.sheet_chunks import ChunkLimits, SheetChunker, SheetRefused

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:C9"/><sheetData>'
)
TAIL = b"</sheetData></worksheet>"
PARTS = PackageParts(shared_strings=None, styles=None, date1904=False)


def _row(number: int | None, *cells: bytes, prefix: bytes = b"") -> bytes:
    r = b' r="%d"' % number if number is not None else b""
    return b"<" + prefix + b"row" + r + b">" + b"".join(cells) + b"</" + prefix + b"row>"


def _text(ref: bytes, value: str, prefix: bytes = b"") -> bytes:
    p = prefix
    return (
        b"<" + p + b'c r="' + ref + b'" t="inlineStr"><' + p + b"is><" + p + b"t>"
        + value.encode() + b"</" + p + b"t></" + p + b"is></" + p + b"c>"
    )  # fmt: skip


def _sheet(rows: int) -> bytes:
    body = [_row(1, _text(b"A1", "姓名"), _text(b"B1", "性别"))]
    body += [
        _row(n, _text(b"A%d" % n, f"学生{n}"), _text(b"B%d" % n, "男")) for n in range(2, rows + 2)
    ]
    return HEAD + b"".join(body) + TAIL


def _chunks(xml: bytes, *, chunk_bytes: int = 1 << 20, max_rows: int = 1000) -> list:
    limits = ChunkLimits(chunk_bytes=chunk_bytes, max_rows=max_rows, max_xml_bytes=1 << 30)
    return list(SheetChunker(io.BytesIO(xml), limits).chunks())


def _rows(chunks: list) -> list[tuple[int, list[object]]]:
    return [row for chunk in chunks for row in chunk_rows(chunk, PARTS)]


def test_the_header_comes_alone_and_the_rest_in_chunks_of_whole_rows() -> None:
    chunks = _chunks(_sheet(300), chunk_bytes=2048)
    assert len(chunks) > 3
    assert [r for r, _ in _rows(chunks[:1])] == [1]
    rows = _rows(chunks)
    assert [r for r, _ in rows] == list(range(1, 302))
    assert rows[-1][1] == ["学生301", "男"]


def test_a_sheet_without_rows_gives_nothing() -> None:
    assert _chunks(HEAD.replace(b"<sheetData>", b"<sheetData/>") + b"</worksheet>") == []
    assert _chunks(HEAD + TAIL) == []


def test_rows_without_numbers_are_numbered_by_position() -> None:
    body = b"".join(_row(None, b'<c t="inlineStr"><is><t>x%d</t></is></c>' % n) for n in range(5))
    rows = _rows(_chunks(HEAD + body + TAIL, chunk_bytes=64))
    assert [r for r, _ in rows] == [1, 2, 3, 4, 5]


def test_namespace_prefixed_sheets_are_cut_as_well() -> None:
    x = b"x:"
    xml = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<x:sheetData>" + _row(1, _text(b"A1", "姓名", x), prefix=x)
        + _row(2, _text(b"A2", "张三", x), prefix=x) + b"</x:sheetData></x:worksheet>"
    )  # fmt: skip
    assert [v for _, v in _rows(_chunks(xml))] == [["姓名"], ["张三"]]


def test_formula_cells_are_found_with_their_row_and_column() -> None:
    formula = (
        b'<c r="B3" t="str"><f>HYPERLINK("x")</f><v>x</v></c>'
        b'<c r="C3"><f t="shared" si="0"/><v>2</v></c>'
    )
    xml = HEAD + _row(1, _text(b"A1", "姓名")) + _row(3, _text(b"A3", "张三"), formula) + TAIL
    chunks = _chunks(xml)
    assert chunks[1].formula_cells == frozenset({(3, 1), (3, 2)})


def test_too_many_rows_are_refused_at_the_first_chunk_past_the_limit() -> None:
    with pytest.raises(SheetRefused) as refused:
        _chunks(_sheet(120), chunk_bytes=1024, max_rows=100)
    assert refused.value.kind == "rows" and "第" in refused.value.detail


def test_rows_of_empty_formatted_cells_past_the_limit_do_not_count() -> None:
    styled = b"".join(_row(n, b'<c r="A%d" s="1"/>' % n) for n in range(102, 400))
    xml = HEAD + b"".join(_row(n, _text(b"A%d" % n, "x")) for n in range(1, 101)) + styled + TAIL
    assert len(_rows(_chunks(xml, max_rows=100))) == 100


def test_content_right_of_the_template_columns_is_refused() -> None:
    xml = HEAD + _row(1, _text(b"A1", "姓名"), _text(b"BA1", "多余")) + TAIL
    with pytest.raises(SheetRefused) as refused:
        _chunks(xml)
    assert (refused.value.kind, refused.value.detail) == ("columns", "BA1")


def test_a_truncated_sheet_is_malformed() -> None:
    with pytest.raises(SheetRefused) as refused:
        _chunks(_sheet(50)[:-200])
    assert refused.value.kind == "malformed"


class _MillionRows(io.RawIOBase):
    """A 1,000,000-row sheet made up while it is read; counts what was read."""

    def __init__(self) -> None:
        self.read_bytes = 0
        self._parts: Iterator[bytes] = self._generate()
        self._pending = bytearray()

    @staticmethod
    def _generate() -> Iterator[bytes]:
        yield HEAD
        for n in range(1, 1_000_002):
            yield _row(n, _text(b"A%d" % n, "学生"), _text(b"B%d" % n, "男"))
        yield TAIL

    def read(self, size: int = -1) -> bytes:
        while len(self._pending) < size:
            part = next(self._parts, None)
            if part is None:
                break
            self._pending += part
        block = bytes(self._pending[:size])
        del self._pending[:size]
        self.read_bytes += len(block)
        return block


def test_a_million_row_sheet_is_refused_without_reading_it_all() -> None:
    stream = _MillionRows()
    limits = ChunkLimits(chunk_bytes=4 << 20, max_rows=200_000, max_xml_bytes=1 << 32)
    with pytest.raises(SheetRefused) as refused:
        for _ in SheetChunker(stream, limits).chunks():
            pass
    assert refused.value.kind == "rows"
    whole = 1_000_000 * len(_row(500_000, _text(b"A500000", "学生"), _text(b"B500000", "男")))
    assert stream.read_bytes < whole / 4


def test_rows_keep_their_columns_when_the_first_columns_are_empty() -> None:
    xml = HEAD + _row(3, _text(b"B3", "姓名"), _text(b"C3", "性别")) + _row(4, _text(b"C4", "男"))
    assert _rows(_chunks(xml + TAIL)) == [(3, ["", "姓名", "性别"]), (4, ["", "", "男"])]
