"""COPY text escaping, the archive of staged cells, and duplicates named by row."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from xueji_common.copy_text import NULL, array_text, json_text, text
from xueji_registry.imports.cell_archive import CellArchive, pack
from xueji_registry.imports.duplicate_keys import HashedKeys, key_hash
from xueji_registry.imports.late_reasons import batch_duplicates
from xueji_registry.imports.pipeline import MAX_SAVEPOINTS, chunks_per_apply


def test_copy_text_escapes_what_copy_would_misread() -> None:
    assert text("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re"
    assert (text(None), text(True), text(3)) == (NULL, "t", "3")
    assert text(date(2019, 3, 4)) == "2019-03-04"
    assert text(datetime(2026, 1, 2, 3, 4, tzinfo=UTC)) == "2026-01-02T03:04:00+00:00"
    assert text(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"
    assert text(b"\x01\xff") == "\\\\x01ff"
    assert json_text([{"name": "张\t三"}]) == '[{"name":"张\\\\t三"}]'
    assert array_text(['L1', 'a"b']) == '{"L1","a\\\\"b"}'


def test_the_archive_gives_back_cells_of_staged_rows_only() -> None:
    archive = CellArchive()
    archive.add(pack([2, 3, 5], [("张三", "男"), ("李四", ""), ("王\t五", "女")]))
    archive.add(pack([], []))
    archive.add(pack([900], [("赵六", "男")]))
    assert archive.cells([5, 900, 4, 1]) == {5: ("王\t五", "女"), 900: ("赵六", "男")}


def test_duplicates_name_the_other_rows_and_ignore_empty_cells() -> None:
    rows = [2, 3, 4, 5, 6]
    full_width = "３５０１０２２０１９０３０１００３１"
    ids = ["350102201903010031", "", "350102201903010031", full_width, ""]
    locals_ = ["A1", "A2", "", "", "a2"]
    found = batch_duplicates(rows, ids, locals_)
    assert sorted(found) == [2, 3, 4, 5, 6]
    assert [r.code for r in found[2]] == ["ID_NUMBER_DUPLICATE"]
    assert "共出现3次" in found[2][0].message and "第4、5行" in found[2][0].message
    assert [r.code for r in found[3]] == ["LOCAL_NUMBER_DUPLICATE"]
    assert "第6行" in found[3][0].message


def test_key_hashes_compare_numbers_as_the_checks_do() -> None:
    assert key_hash("350102201903010031") == key_hash(" ３５０１０２２０１９０３０１００３１ ")
    assert key_hash("fz-0001") == key_hash("FZ-0001") != key_hash("FZ-0002")
    assert key_hash("") == key_hash("   ") == 0


def test_rows_sharing_a_hash_are_candidates_and_rows_without_a_number_are_not() -> None:
    keys = HashedKeys()
    for row, raw in ((2, "A1"), (3, ""), (4, "B7"), (5, "a1"), (6, ""), (7, "C9")):
        keys.add(row, key_hash(raw))
    other = HashedKeys()
    other.add(9, key_hash("B7"))
    keys.extend(other)
    assert keys.colliding_rows() == {2, 5, 4, 9}


def test_a_sheet_of_any_size_is_applied_within_sixty_savepoints() -> None:
    chunk = 4 * 1024 * 1024
    assert chunks_per_apply(10 * 1024, chunk) == 1
    assert chunks_per_apply(59 * chunk, chunk) == 1
    assert chunks_per_apply(60 * chunk, chunk) == 2
    for sheet in (200 * chunk, 250 * chunk + 17, 2 * 1024**3):
        per_apply = chunks_per_apply(sheet, chunk)
        assert -(-(sheet // chunk + 1) // per_apply) <= MAX_SAVEPOINTS
