"""Finding rows that share an ID number or local number across a whole file, in little memory.

Workers hash each row's normalised numbers to 64 bits; the main process keeps
only (hash, row) pairs in arrays, 12 bytes a row, and at the end sorts them to
find rows whose hashes meet. Those few rows are then compared by their actual
values (read back from the cells), so a hash collision can never make two
different numbers a duplicate.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field
from itertools import pairwise

from xueji_registry.domain.text_width import normalise_identifier


def key_hash(raw: str) -> int:
    """The 64-bit hash of a number as the duplicate checks compare it; 0 for no number."""
    text = normalise_identifier(raw)
    if not text:
        return 0
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") or 1


@dataclass
class HashedKeys:
    """(hash, row) pairs of one kind of number; rows without the number are left out."""

    hashes: array = field(default_factory=lambda: array("Q"))
    rows: array = field(default_factory=lambda: array("i"))

    def add(self, row: int, hashed: int) -> None:
        if hashed:
            self.hashes.append(hashed)
            self.rows.append(row)

    def extend(self, other: HashedKeys) -> None:
        self.hashes.extend(other.hashes)
        self.rows.extend(other.rows)

    def colliding_rows(self) -> set[int]:
        """Rows whose hash another row shares: every true duplicate, maybe a few more."""
        order = sorted(range(len(self.hashes)), key=self.hashes.__getitem__)
        found: set[int] = set()
        for before, after in pairwise(order):
            if self.hashes[before] == self.hashes[after]:
                found.add(self.rows[before])
                found.add(self.rows[after])
        return found
