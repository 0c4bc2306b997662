"""The pupils service's stored form of a row that passed every check, without re-checking.

`candidates.validate_candidate` runs the record checks again and normalises;
the import has just run them (`check_pupil`) and only needs the normalising,
for 200,000 rows. `FieldReader` already gives codes from its vocabularies and
free text width-folded and trimmed, which that normalising leaves as they are;
what is left is the name and the two typed-in numbers. Unit tests hold the
result to `validate_candidate`'s values for the same rows.
"""

from __future__ import annotations

from functools import lru_cache

from xueji_registry.domain.names import MIDDLE_DOT, MIDDLE_DOT_VARIANTS
from xueji_registry.domain.text_width import fold_full_width, normalise_identifier
from xueji_registry.imports.candidate import RowValues, StoredPupil
from xueji_registry.pupils.model import graduation_year

_DOT_FOLD = {ord(variant): MIDDLE_DOT for variant in MIDDLE_DOT_VARIANTS}


@lru_cache(maxsize=1024)
def _graduation_year(stage: str, grade: int, enrolment_year: int, province: str) -> int:
    return graduation_year(stage, grade, enrolment_year, province)


def stored_pupil(values: RowValues, province_code: str, valid_id_number: str) -> StoredPupil:
    """What `validate_candidate` stores for these values when it finds no reason.

    The name passed `check_name`, so normalising it is the fold alone.
    """
    stored = dict(values)
    stored["name"] = fold_full_width(values["name"]).translate(_DOT_FOLD).strip()
    stored["id_number"] = valid_id_number
    local = values["local_number"]
    stored["local_number"] = normalise_identifier(local) or None if local else None
    year = _graduation_year(
        values["stage"], values["grade"], values["enrolment_year"], province_code
    )
    return StoredPupil(stored, year, "G" + valid_id_number)
