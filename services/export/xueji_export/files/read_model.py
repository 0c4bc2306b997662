"""The export read model as the files read it: the one place that names its table and columns.

The read model (built from events by the export service) keeps one row per pupil with a
`unit_path` ("/CN/31/3101/310118/<school code>/", prefix-matchable) and one column per
catalogue key, named after the key.
"""

from __future__ import annotations

import re

from xueji_export.files.approval import ApprovedExport

TABLE = "export.pupil_read_model"
UNIT_PATH = "unit_path"
PUPIL_ID = "pupil_id"

_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


def column(key: str) -> str:
    """The read-model column holding the catalogue field `key`."""
    return key


def selection(export: ApprovedExport) -> tuple[str, list[list[str]]]:
    """The query for exactly the approved columns of exactly the pupils in scope, and its
    arguments: the column list comes from the catalogue's whitelist, the scope is bound."""
    columns = [column(k) for k in export.keys]
    # Catalogue keys are plain identifiers; checking keeps a bad catalogue edit out of SQL.
    if not all(_IDENTIFIER.match(c) for c in columns):
        raise ValueError("catalogue key is not a plain identifier")
    patterns = [_like_prefix(path) for path in export.unit_paths]
    sql = (
        f"SELECT {UNIT_PATH}, {', '.join(columns)} FROM {TABLE} "
        f"WHERE {UNIT_PATH} LIKE ANY($1::text[]) ORDER BY {UNIT_PATH}, {PUPIL_ID}"
    )
    return sql, [patterns]


def _like_prefix(path: str) -> str:
    escaped = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"
