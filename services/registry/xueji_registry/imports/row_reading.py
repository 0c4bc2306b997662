"""One sheet row → a validated pupil, or every reason it cannot be imported.

Cells are read field by field (`FieldReader`); then the registry's record
checks (`check_pupil`, as in `validate_candidate`) run on the result. A field
the reader could not read is reported once, by the reader: the record checks'
reasons on that field, and those that depend on it, are dropped. A row that
passes is normalised as the pupils service stores it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xueji_registry.domain.code_tables import ID_TYPES, IdNumberShape
from xueji_registry.domain.id_number import IdNumber
from xueji_registry.domain.identity_checks import check_national_number_fit
from xueji_registry.domain.pupil_checks import check_pupil
from xueji_registry.domain.pupil_facts import PupilFacts
from xueji_registry.domain.reason_codes import ReasonCode
from xueji_registry.domain.reasons import Reason
from xueji_registry.domain.text_width import normalise_identifier
from xueji_registry.imports.bulk_values import stored_pupil
from xueji_registry.imports.candidate import RowOutcome, RowValues
from xueji_registry.imports.cells import CellValue, looks_like_formula
from xueji_registry.imports.field_readers import FieldReader
from xueji_registry.imports.reason_codes import ImportReasonCode
from xueji_registry.imports.school_context import SchoolContext
from xueji_registry.pupils.entry.candidates import PupilCandidate, validate_candidate

# Record-check codes that are only meaningful when the named field was read.
_DEPENDENT_CODES: dict[str, frozenset[str]] = {
    "grade": frozenset({ReasonCode.UNDER_AGE_GRADE1, ReasonCode.STAGE_NOT_OFFERED}),
    "stage": frozenset({ReasonCode.LOCAL_NUMBER_STAGE_MISMATCH, ReasonCode.GRADE_STAGE_MISMATCH}),
    "enrolment_year": frozenset(
        {ReasonCode.UNDER_AGE_GRADE1, ReasonCode.LOCAL_NUMBER_YEAR_MISMATCH}
    ),
    "birth_date": frozenset({ReasonCode.UNDER_AGE_GRADE1}),
}
_SUSPICIOUS_FIRST = frozenset("=+-@\t\r ")
FORMULA_MESSAGE = "单元格不能包含公式或以=、+、-、@开头的内容，请直接填写数值或文字"
SYSTEM_NUMBER_MESSAGE = "临时学籍号（L）和J字头学籍号由系统签发，导入时请留空"


def read_row(
    row: int,
    values: Sequence[CellValue],
    layout: Mapping[str, int],
    context: SchoolContext,
    formula_columns: frozenset[int] = frozenset(),
) -> RowOutcome:
    """`layout` maps each template field present in the sheet to its 0-based column;
    `formula_columns` are the columns whose cells in this row hold formulas."""
    reader = FieldReader(context)
    cells: dict[str, CellValue] = {}
    width = len(values)
    for field, index in layout.items():
        value = values[index] if index < width else ""
        if type(value) is str and value:
            if value[0] in _SUSPICIOUS_FIRST and looks_like_formula(value):
                reader.fail(field, ImportReasonCode.FORMULA_NOT_ALLOWED, FORMULA_MESSAGE, value)
                value = ""
            else:
                value = value.strip()
        if formula_columns and index in formula_columns:
            reader.fail(field, ImportReasonCode.FORMULA_NOT_ALLOWED, FORMULA_MESSAGE, value)
            value = ""
        cells[field] = value
    read, national_number = reader.read(cells)
    found = check_pupil(_facts(read), today=context.today, school=context.facts)
    reasons = reader.reasons + _kept(found, reader.failed)
    valid_id = _valid_id_number(read, reasons)
    reasons += _national_number_reasons(read, national_number, valid_id, context)
    if reasons:
        return RowOutcome(row, reasons=tuple(_in_column_order(reasons, layout)))
    if valid_id is None:
        # No ID-shaped number: the pupils service issues a number and keys suspected
        # duplicates; its own validation prepares the record (rare rows, not the fast path).
        candidate = PupilCandidate(**read)
        pending = validate_candidate(candidate, school=context.school, today=context.today)
        return RowOutcome(row, pending=pending)
    return RowOutcome(row, stored=stored_pupil(read, context.school.province_code, valid_id))


def _facts(values: RowValues) -> PupilFacts:
    return PupilFacts(
        name=values["name"],
        gender=values["gender"],
        birth_date=values["birth_date"],
        grade=values["grade"],
        stage=values["stage"],
        enrolment_year=values["enrolment_year"],
        id_type=values["id_type"],
        id_number=values["id_number"],
        local_number=values["local_number"],
        ethnicity=values["ethnicity"],
    )


def _kept(found: list[Reason], failed: set[str]) -> list[Reason]:
    if not failed:
        return found
    dropped = frozenset().union(*(_DEPENDENT_CODES.get(field, frozenset()) for field in failed))
    return [r for r in found if r.field not in failed and r.code not in dropped]


def _valid_id_number(values: RowValues, reasons: list[Reason]) -> str | None:
    """The normalised ID-shaped number, when the document has one and it passed its checks."""
    kind = ID_TYPES.get(values["id_type"] or "")
    if kind is None or kind.shape is IdNumberShape.FREE or not values["id_number"]:
        return None
    if any(r.field in ("id_number", "id_type") for r in reasons):
        return None
    return normalise_identifier(values["id_number"])


def _national_number_reasons(
    values: RowValues, raw: str | None, valid: str | None, context: SchoolContext
) -> list[Reason]:
    """A national number in the file must be the G number the record's ID number gives.

    L and J numbers come from the platform's counters; taking them from a file
    could hand out a number the counters will issue again.
    """
    if raw is None:
        return []
    if not normalise_identifier(raw).startswith("G"):
        code = ImportReasonCode.NATIONAL_NUMBER_ISSUED_BY_SYSTEM
        return [Reason(code, "national_number", SYSTEM_NUMBER_MESSAGE, raw)]
    return check_national_number_fit(
        raw,
        today=context.today,
        id_number=IdNumber(valid) if valid is not None else None,
        id_number_given=bool(values["id_number"]),
        birth_date=values["birth_date"],
    )


def _in_column_order(reasons: list[Reason], layout: Mapping[str, int]) -> list[Reason]:
    after_all = max(layout.values(), default=0) + 1
    return sorted(reasons, key=lambda r: layout.get(r.field, after_all))
